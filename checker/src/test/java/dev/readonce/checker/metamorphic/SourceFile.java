package dev.readonce.checker.metamorphic;

/** One compilation unit of a test case: its file name (default package) and its text. */
public record SourceFile(String name, String text) {}

package dev.readonce.analysis;

/**
 * One replacement in a source file, by character offsets (UTF-16 code units, as javac counts).
 *
 * @param start the first replaced character
 * @param end one past the last replaced character ({@code start} for an insertion)
 * @param text what replaces them
 */
public record TextEdit(int start, int end, String text) {}

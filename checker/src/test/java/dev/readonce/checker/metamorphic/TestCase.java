package dev.readonce.checker.metamorphic;

import java.util.List;
import java.util.Optional;

/**
 * One {@code CompilationTestHelper} chain of a check's tests: the files it judges (with their
 * {@code // BUG: Diagnostic contains:} marks) and the shared files it compiles against.
 *
 * @param id {@code TestClass.method}, with {@code #n} when a method runs several chains
 * @param ownRule the check the test runs, if it could be read from the test
 * @param sources the files the test judges
 * @param shared the fixtures every test of that class adds (not judged)
 */
public record TestCase(
    String id, Optional<String> ownRule, List<SourceFile> sources, List<SourceFile> shared) {}

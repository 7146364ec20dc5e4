/**
 * The metamorphic suite: every case of the checks' tests (read from the test classes' sources with
 * JavaParser, so there is one copy of each case) is rewritten by each {@link
 * dev.readonce.checker.metamorphic.Rewritings semantics-preserving rewriting}, compiled in-process
 * under Error Prone with the seven ReadOnce checks, and its verdict — the set of (rule, statement)
 * pairs — compared with the case's own. Statements keep their identity through a rewriting by a
 * marker comment inside each statement ({@link dev.readonce.checker.metamorphic.Identity}).
 *
 * <p>Pairs that differ because of a known engine bug are listed, with the root cause's tag in
 * {@code /work/notes/findings-for-engine.md}, in {@code src/test/resources/metamorphic/
 * known-failures.txt}; a listed pair that no longer differs fails the suite, so the list only
 * shrinks. Variants are left in {@code target/metamorphic/} to read.
 */
package dev.readonce.checker.metamorphic;

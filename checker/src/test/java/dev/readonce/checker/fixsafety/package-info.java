/**
 * The fix-safety test: each check's suggested fixes, applied by Error Prone's patch mode to every
 * case and metamorphic variant that has findings, must give code that compiles, that the check no
 * longer flags at the fixed statements nor anywhere new, and whose loops still read every slot they
 * read before. Known unsafe fixes are listed in {@code src/test/resources/fixsafety/
 * known-failures.txt} (shrink-only, like the metamorphic list); fixed code is left in
 * {@code target/fixsafety/}.
 */
package dev.readonce.checker.fixsafety;

package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This boolean method tests its snapshot argument and returns true exactly when the snapshot
 * {@link #value() shows} the given state; the checker learns the state on the true branch and its
 * negation on the false branch.
 *
 * <pre>{@code
 * @PointerTest(Shows.NONE)    static boolean pudNone(long pud)    { return pud == 0; }
 * @PointerTest(Shows.LEAF)    static boolean pudLeaf(long pud)    { return (pud & PSE) != 0; }
 * @PointerTest(Shows.PRESENT) static boolean pudPresent(long pud) { return (pud & PRESENT) != 0; }
 * @PointerTest(Shows.TABLE)   // present and not a leaf, all three facts at once
 * static boolean pudTable(long pud) { return pudPresent(pud) && !pudLeaf(pud); }
 * }</pre>
 *
 * <p>A snapshot is a pointer to a lower table when it is not none, present and not a leaf, in
 * whatever order the tests establish it ({@code if (pudNone(pud)) continue; if (pudLeaf(pud))
 * continue; ...}); a {@link Shows#TABLE} test establishes all three at once.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PointerTest {

  /** The state whose presence the method reports by returning true. */
  Shows value();

  /** States of a slot's snapshot that the checker tracks on the way to "is a pointer". */
  enum Shows {
    /** The entry is empty: nothing is mapped and there is nothing to descend into. */
    NONE,
    /** The entry is present (implies not {@link #NONE}). */
    PRESENT,
    /** The entry maps a leaf (a huge page) rather than pointing to a lower table. */
    LEAF,
    /** The entry points to a lower table: not none, present and not a leaf. */
    TABLE
  }
}

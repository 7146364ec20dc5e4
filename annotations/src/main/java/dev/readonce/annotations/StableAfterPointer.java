package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Once a read of this slot sees a pointer to a lower-level table, the slot keeps that pointer for
 * as long as lock-free readers may run, so descending through a snapshot that was tested to be a
 * pointer needs no lock.
 *
 * <p>In the Linux page walker, PGD, P4D and PUD entries are stable after they point to a table
 * (tables at those levels are freed only with the mm lock held for write); PMD entries are not,
 * because a PTE table can be retracted under the mm lock held for read, so the PTE level is
 * entered only under the PMD's lock after re-checking the PMD:
 *
 * <pre>{@code
 * @StableAfterPointer
 * final class PudRef extends EntryRef { ... }   // pud -> pmd table: descend without a lock
 *
 * final class PmdRef extends EntryRef { ... }   // pmd -> pte table: lock, pmd_same, retry
 * }</pre>
 *
 * <p>On a {@link ReadOnce} field, it covers that field's slots; on a {@link ReadOnce} accessor, the
 * slots it reads; on a class, the slots designated by its instances (a typed slot handle).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface StableAfterPointer {}

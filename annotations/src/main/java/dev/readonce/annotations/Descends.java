package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This method follows the snapshot passed as its {@link Snapshot} parameter (or, if none is
 * marked, its first parameter) to the lower-level table it points to, and returns a handle into
 * that table; the snapshot must have been shown to be a pointer.
 *
 * <pre>{@code
 * @Descends
 * static PmdRef pmdOffset(MmStruct mm, @Snapshot long pud, long addr) {   // pmd_offset(&pud, addr)
 *   long pfn = pudPfn(pud);
 *   return new PmdRef(mm.arena().words(pfn), pfn, pmdIndex(addr));
 * }
 * }</pre>
 *
 * <p>The checker requires, at each call, that the snapshot passed a {@link PointerTest} on this
 * path, and that the slot it came from is {@link StableAfterPointer} or was re-validated under its
 * lock.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Descends {}

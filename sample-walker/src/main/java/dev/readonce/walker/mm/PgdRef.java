package dev.readonce.walker.mm;

import dev.readonce.annotations.StableAfterPointer;

/**
 * A handle on one PGD entry: the kernel's {@code pgd_t *}.
 *
 * <p>Stable after pointer: once one of these slots points to a table it keeps pointing to it while
 * walkers hold the mm lock for read, because tables at this level are freed only with the mm lock
 * held for write. A walker may descend through a snapshot it has shown to be a table without taking
 * a lock.
 */
@StableAfterPointer
public final class PgdRef extends EntryRef {

  PgdRef(long[] table, long tablePfn, int index) {
    super(table, tablePfn, index);
  }

  /** Models {@code pgd_offset(mm, addr)}: the PGD slot for {@code addr} in the mm's root table. */
  public static PgdRef pgdOffset(MmStruct mm, long addr) {
    long pfn = mm.pgdPfn();
    return new PgdRef(mm.arena().words(pfn), pfn, Layout.pgdIndex(addr));
  }

  @Override
  public PgdRef next() {
    return new PgdRef(table, tablePfn, index + 1);
  }
}

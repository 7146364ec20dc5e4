package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Pgtable.PRESENT;

/**
 * Non-present, non-none entries: migration entries ({@code include/linux/swapops.h}).
 *
 * <p>While a page migrates, its PTE or huge PMD is replaced by a migration entry that keeps the
 * frame number but not {@link Pgtable#PRESENT}; faults wait for the migration to finish. They are
 * why "not none" does not imply "present" at the PMD level.
 */
public final class Swapops {

  /** Software bit 10: this non-present entry is a migration entry. */
  static final long SWP_MIGRATION = 1L << 10;

  /** Software bit 11: the migrating page was mapped writable and will be again. */
  static final long SWP_MIGRATION_WRITE = 1L << 11;

  private Swapops() {}

  /** Models {@code make_readable_migration_entry()}/{@code make_writable_migration_entry()}. */
  public static long makeMigrationEntry(long pfn, boolean writable) {
    return Pgtable.mkEntry(pfn, SWP_MIGRATION | (writable ? SWP_MIGRATION_WRITE : 0));
  }

  /** Models {@code is_migration_entry()} on a non-present entry of any level. */
  public static boolean isMigrationEntry(long entry) {
    return (entry & PRESENT) == 0 && (entry & SWP_MIGRATION) != 0;
  }

  /** Models {@code is_writable_migration_entry()}. */
  public static boolean isWritableMigrationEntry(long entry) {
    return isMigrationEntry(entry) && (entry & SWP_MIGRATION_WRITE) != 0;
  }

  /** Models {@code swp_offset_pfn()}: the frame a migration entry stands for. */
  public static long migrationEntryPfn(long entry) {
    return Pgtable.entryPfn(entry);
  }
}

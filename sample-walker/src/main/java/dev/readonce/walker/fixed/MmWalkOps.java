package dev.readonce.walker.fixed;

import dev.readonce.annotations.Snapshot;
import dev.readonce.walker.mm.P4dRef;
import dev.readonce.walker.mm.PgdRef;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;

/**
 * The callbacks of a walk, {@code struct mm_walk_ops} ({@code include/linux/pagewalk.h}), with the
 * signatures the discipline asks for: each entry callback gets the snapshot the walker read and
 * decided on, and the slot handle only to lock and re-check it.
 *
 * <p>Any callback may be {@code null}, which is how the walker knows what to walk ({@code
 * has_handler}): without {@code pmd_entry} and {@code pte_entry} it never descends below the PUD.
 * Entry callbacks return 0 to go on (consulting {@link MmWalk#action}), a positive value to stop
 * the walk and return it, a negative errno to fail.
 *
 * @param <P> the type of the walk's private data
 */
public record MmWalkOps<P>(
    PgdEntry<P> pgdEntry,
    P4dEntry<P> p4dEntry,
    PudEntry<P> pudEntry,
    PmdEntry<P> pmdEntry,
    PteEntry<P> pteEntry,
    PteHole<P> pteHole,
    TestWalk<P> testWalk,
    PreVma<P> preVma,
    PostVma<P> postVma) {

  /** {@code pgd_entry}: a PGD entry that points to a table. */
  @FunctionalInterface
  public interface PgdEntry<P> {
    int pgdEntry(@Snapshot("pgdp") long pgd, PgdRef pgdp, long addr, long next, MmWalk<P> walk);
  }

  /** {@code p4d_entry}: a P4D entry that points to a table. */
  @FunctionalInterface
  public interface P4dEntry<P> {
    int p4dEntry(@Snapshot("p4dp") long p4d, P4dRef p4dp, long addr, long next, MmWalk<P> walk);
  }

  /** {@code pud_entry}: a PUD entry that is not none (a table or a huge page). */
  @FunctionalInterface
  public interface PudEntry<P> {
    int pudEntry(@Snapshot("pudp") long pud, PudRef pudp, long addr, long next, MmWalk<P> walk);
  }

  /** {@code pmd_entry}: a PMD entry that is not none (a table, a huge page, a migration entry). */
  @FunctionalInterface
  public interface PmdEntry<P> {
    int pmdEntry(@Snapshot("pmdp") long pmd, PmdRef pmdp, long addr, long next, MmWalk<P> walk);
  }

  /**
   * {@code pte_entry}: one PTE, none or not, called with the PTE table's lock held; the snapshot
   * was read under it.
   */
  @FunctionalInterface
  public interface PteEntry<P> {
    int pteEntry(
        @Snapshot(value = "ptep", lockHeld = true) long pte,
        PteRef ptep,
        long addr,
        long next,
        MmWalk<P> walk);
  }

  /**
   * {@code pte_hole}: a range with nothing mapped: {@code depth} is the level whose entry was none
   * (0 for the PGD to 3 for the PMD), or -1 for a range outside any VMA.
   */
  @FunctionalInterface
  public interface PteHole<P> {
    int pteHole(long addr, long next, int depth, MmWalk<P> walk);
  }

  /** {@code test_walk}: 0 to walk the VMA, 1 to skip it, a negative errno to fail. */
  @FunctionalInterface
  public interface TestWalk<P> {
    int testWalk(long start, long end, MmWalk<P> walk);
  }

  /** {@code pre_vma}: before a VMA's range is walked. */
  @FunctionalInterface
  public interface PreVma<P> {
    int preVma(long start, long end, MmWalk<P> walk);
  }

  /** {@code post_vma}: after a VMA's range was walked. */
  @FunctionalInterface
  public interface PostVma<P> {
    void postVma(MmWalk<P> walk);
  }

  /** A builder with every callback unset, as a designated initializer leaves them NULL. */
  public static <P> Builder<P> builder() {
    return new Builder<>();
  }

  /** Collects the callbacks of an {@link MmWalkOps}. */
  public static final class Builder<P> {
    private PgdEntry<P> pgdEntry;
    private P4dEntry<P> p4dEntry;
    private PudEntry<P> pudEntry;
    private PmdEntry<P> pmdEntry;
    private PteEntry<P> pteEntry;
    private PteHole<P> pteHole;
    private TestWalk<P> testWalk;
    private PreVma<P> preVma;
    private PostVma<P> postVma;

    private Builder() {}

    public Builder<P> pgdEntry(PgdEntry<P> callback) {
      this.pgdEntry = callback;
      return this;
    }

    public Builder<P> p4dEntry(P4dEntry<P> callback) {
      this.p4dEntry = callback;
      return this;
    }

    public Builder<P> pudEntry(PudEntry<P> callback) {
      this.pudEntry = callback;
      return this;
    }

    public Builder<P> pmdEntry(PmdEntry<P> callback) {
      this.pmdEntry = callback;
      return this;
    }

    public Builder<P> pteEntry(PteEntry<P> callback) {
      this.pteEntry = callback;
      return this;
    }

    public Builder<P> pteHole(PteHole<P> callback) {
      this.pteHole = callback;
      return this;
    }

    public Builder<P> testWalk(TestWalk<P> callback) {
      this.testWalk = callback;
      return this;
    }

    public Builder<P> preVma(PreVma<P> callback) {
      this.preVma = callback;
      return this;
    }

    public Builder<P> postVma(PostVma<P> callback) {
      this.postVma = callback;
      return this;
    }

    public MmWalkOps<P> build() {
      return new MmWalkOps<>(
          pgdEntry, p4dEntry, pudEntry, pmdEntry, pteEntry, pteHole, testWalk, preVma, postVma);
    }
  }
}

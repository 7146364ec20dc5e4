package dev.readonce.walker.rfc;

import dev.readonce.annotations.Snapshot;
import dev.readonce.walker.mm.P4dRef;
import dev.readonce.walker.mm.PgdRef;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;

/**
 * The callbacks of a walk, {@code struct mm_walk_ops} ({@code include/linux/pagewalk.h}) as the RFC
 * "mm/pagewalk: use READ_ONCE when reading the PUD entry unlocked" declares them: {@code pud_entry}
 * gets the walker's snapshot of the PUD and the pointer ({@code pud_entry(pud_t pud, pud_t *pudp,
 * ...)}); the other entry callbacks still get only the pointer, as in v5.9.
 *
 * <p>Any callback may be {@code null}, which is how the walker knows what to walk. Entry callbacks
 * return 0 to go on (consulting {@link MmWalk#action}), a positive value to stop the walk and
 * return it, a negative errno to fail. Not modelled: {@code hugetlb_entry}.
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

  /** {@code pgd_entry(pgd_t *pgd, ...)}: a PGD entry that is neither none nor bad. */
  @FunctionalInterface
  public interface PgdEntry<P> {
    int pgdEntry(PgdRef pgd, long addr, long next, MmWalk<P> walk);
  }

  /** {@code p4d_entry(p4d_t *p4d, ...)}: a P4D entry that is neither none nor bad. */
  @FunctionalInterface
  public interface P4dEntry<P> {
    int p4dEntry(P4dRef p4d, long addr, long next, MmWalk<P> walk);
  }

  /**
   * {@code pud_entry(pud_t pud, pud_t *pudp, ...)}: a PUD entry that is not none, given as the
   * snapshot the walker read and decided on; {@code pudp} is there to lock and re-check it.
   */
  @FunctionalInterface
  public interface PudEntry<P> {
    int pudEntry(@Snapshot("pudp") long pud, PudRef pudp, long addr, long next, MmWalk<P> walk);
  }

  /** {@code pmd_entry(pmd_t *pmd, ...)}: a PMD entry the walker saw not none. */
  @FunctionalInterface
  public interface PmdEntry<P> {
    int pmdEntry(PmdRef pmd, long addr, long next, MmWalk<P> walk);
  }

  /**
   * {@code pte_entry(pte_t *pte, ...)}: one PTE, called with the PTE table's lock held in a walk
   * with VMAs and without it in a walk without VMAs.
   */
  @FunctionalInterface
  public interface PteEntry<P> {
    int pteEntry(PteRef pte, long addr, long next, MmWalk<P> walk);
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

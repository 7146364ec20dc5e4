package dev.readonce.walker.mm;

/**
 * The named moments at which walker, client and writer code calls {@link Schedule#at}, each between
 * one read of a slot and the next use of what was read: the windows in which a concurrent writer
 * changes the slot.
 *
 * <p>Every variant of the walk and its clients calls the same points at the same kernel spots, so
 * one test schedule replays against each variant. Where the historical variants read a slot several
 * times for what the fixed walk decides on one snapshot, a point sits after the last of those reads
 * and before the walker acts on them, unless it says otherwise. Callers that hold the value they
 * read pass it ({@link Schedule#at(SchedulePoint, long, long)}), for an {@link Schedule.Observer}.
 * Each constant says where it is called and which locks the calling thread holds there; an action
 * registered for a point runs on that thread at that moment, so it must not take those locks
 * ({@link PgtableLocks} fails fast when it tries). The address passed is the walker's current
 * address (the start of the entry's span).
 *
 * <p>Where the fixed variant calls them:
 *
 * <ul>
 *   <li>{@code fixed.PageTableWalk}: {@code walkPgdRange} ({@link #WALK_PGD_AFTER_READ}), {@code
 *       walkP4dRange} ({@link #WALK_P4D_AFTER_READ}), {@code walkPudRange} ({@link
 *       #WALK_PUD_AFTER_READ}, {@link #WALK_PUD_NOVMA_AFTER_LEAF_TEST}, {@link
 *       #WALK_PUD_AFTER_SPLIT}, {@link #WALK_PUD_BEFORE_DESCENT}), {@code walkPmdRange} ({@link
 *       #WALK_PMD_AFTER_READ}, {@link #WALK_PMD_AFTER_SPLIT}), {@code walkPteRange} ({@link
 *       #PTE_OFFSET_MAP_BEFORE_LOCK}), {@code walkPteRangeInner} ({@link #WALK_PTE_AFTER_READ});
 *   <li>{@code fixed.client.Hmm}: {@code hmmVmaWalkPud} ({@link #HMM_WALK_PUD_BEFORE_LOCK}), {@code
 *       hmmVmaWalkPmd} ({@link #HMM_WALK_PMD_BEFORE_HANDLE});
 *   <li>{@code fixed.client.FollowPfnmap.followPfnmapStart} ({@link
 *       #FOLLOW_PFNMAP_PUD_BEFORE_LOCK}, {@link #FOLLOW_PFNMAP_PMD_BEFORE_LOCK});
 *   <li>the historical variants ({@code dev.readonce.walker.prerfc}, {@code .rfc}) call the walk's
 *       points at the same spots of their {@code PageTableWalk}, {@code PgtableV510} ({@link
 *       #WALK_PGD_AFTER_READ} and {@link #WALK_P4D_AFTER_READ}, between the reads of {@code
 *       pXd_none_or_clear_bad()} and its clear) and clients ({@code FollowPfnmap} in rfc only;
 *       v5.10's {@code follow_pte()} takes no huge-entry lock);
 *   <li>{@link PgtableAlloc}, shared by every variant: {@code __pudAlloc}, {@code __pmdAlloc},
 *       {@code __pteAlloc} ({@link #PUD_ALLOC_BEFORE_LOCK}, {@link #PMD_ALLOC_BEFORE_LOCK}, {@link
 *       #PTE_ALLOC_BEFORE_LOCK}).
 * </ul>
 */
public enum SchedulePoint {

  /** {@code walk_pgd_range()}: after the PGD entry is read, before it is tested. Locks: none. */
  WALK_PGD_AFTER_READ,

  /** {@code walk_p4d_range()}: after the P4D entry is read, before it is tested. Locks: none. */
  WALK_P4D_AFTER_READ,

  /**
   * {@code walk_pud_range()}: after the PUD entry is read, before it is tested and before {@code
   * pud_entry} runs (a callback that reads the slot again sees what a writer did here). Locks:
   * none.
   */
  WALK_PUD_AFTER_READ,

  /**
   * {@code walk_pud_range()} without a VMA ({@code walk_page_range_novma()}): after the PUD was
   * found not to be a leaf, before it is tested for present. Before the RFC, the kernel's {@code
   * pud_leaf(*pud) || !pud_present(*pud)} reads the slot once for each test, and a huge PUD
   * installed here passes both. Locks: none.
   */
  WALK_PUD_NOVMA_AFTER_LEAF_TEST,

  /**
   * {@code walk_pud_range()}: after {@code split_huge_pud()}, before the PUD is read again: where a
   * refault installs a huge PUD in the 2026 split/refault race (3b89863c3fa4). Called only on the
   * path with a VMA. Locks: none.
   */
  WALK_PUD_AFTER_SPLIT,

  /**
   * {@code walk_pud_range()}: after the walker decided to descend, before {@code walk_pmd_range()}
   * and its {@code pmd_offset()} (which re-reads the PUD before the RFC). Locks: none.
   */
  WALK_PUD_BEFORE_DESCENT,

  /**
   * {@code walk_pmd_range()}: after the PMD entry is read, before it is tested and before {@code
   * pmd_entry} runs. Locks: none.
   */
  WALK_PMD_AFTER_READ,

  /**
   * {@code walk_pmd_range()}: after {@code split_huge_pmd()}, before the PTE level is entered.
   * Called only on the path with a VMA. Locks: none.
   */
  WALK_PMD_AFTER_SPLIT,

  /**
   * {@code __pte_offset_map_lock()} as the walker enters the PTE level: after the PMD is read and
   * shown to be a table, before the PTE table's lock is taken: where khugepaged retracts the table.
   * Locks: none.
   */
  PTE_OFFSET_MAP_BEFORE_LOCK,

  /**
   * {@code walk_pte_range_inner()}: after a PTE is read, before {@code pte_entry} runs. Locks: the
   * PTE table's lock, so only lock-free writers (the hardware's accessed/dirty update) can act.
   */
  WALK_PTE_AFTER_READ,

  /**
   * {@code hmm_vma_walk_pud()}: after the callback has decided on its PUD snapshot, before {@code
   * pud_trans_huge_lock()}. Locks: none.
   */
  HMM_WALK_PUD_BEFORE_LOCK,

  /**
   * {@code hmm_vma_walk_pmd()}: after the PMD was seen to be a huge leaf, before the kernel's
   * second {@code pmdp_get_lockless()} and the handling of the huge PMD. Locks: none.
   */
  HMM_WALK_PMD_BEFORE_HANDLE,

  /**
   * {@code follow_pfnmap_start()}: after the PUD was read and seen to be a leaf, before {@code
   * pud_lock()}: where a zap clears it in the ffef67b93aa3 race. Locks: none.
   */
  FOLLOW_PFNMAP_PUD_BEFORE_LOCK,

  /**
   * {@code follow_pfnmap_start()}: after the PMD was read and seen to be a leaf, before {@code
   * pmd_lock()}. Locks: none.
   */
  FOLLOW_PFNMAP_PMD_BEFORE_LOCK,

  /**
   * {@code __pud_alloc()}: after the new PUD table is allocated, before {@code page_table_lock} is
   * taken to populate the P4D: where a concurrent allocation wins. Locks: none.
   */
  PUD_ALLOC_BEFORE_LOCK,

  /**
   * {@code __pmd_alloc()}: after the new PMD table is allocated, before {@code pud_lock()}. Locks:
   * none.
   */
  PMD_ALLOC_BEFORE_LOCK,

  /**
   * {@code __pte_alloc()}: after the new PTE table is allocated, before {@code pmd_lock()}. Locks:
   * none.
   */
  PTE_ALLOC_BEFORE_LOCK
}

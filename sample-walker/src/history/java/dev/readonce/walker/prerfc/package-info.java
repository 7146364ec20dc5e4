/**
 * The page walker and its clients as Linux v5.10 had them, before the RFC "mm/pagewalk: use
 * READ_ONCE when reading the PUD entry unlocked" (September 2020): a "before" fixture of the
 * ReadOnce checker, and the subject of the race tests that show what its reads cost.
 *
 * <p>Every entry is read with a plain dereference ({@link dev.readonce.walker.mm.EntryRef#deref()},
 * the kernel's {@code *pud}), once for each test and once more to descend; callbacks get only the
 * pointer and read the entry again; {@code pte_offset_map_lock()} takes the PTE lock without
 * re-checking the PMD; {@code pXd_none_or_clear_bad()} clears a bad entry without the lock. Each
 * line that breaks a ReadOnce rule ends with a marker comment, "expect:" and the names of the
 * checks it breaks, the reason in the comment above; a test compiles the package with the checker
 * and compares its findings with these markers, both ways. "false-positive:" marks a finding the
 * checker reports on a line that breaks no rule, "false-negative:" a breach it misses (see the
 * module's README).
 *
 * <p>The code runs on the shared machine ({@code dev.readonce.walker.mm}) and calls the same {@link
 * dev.readonce.walker.mm.SchedulePoint}s as the fixed walk at the same spots, so one race schedule
 * replays against every variant. Deviations from v5.10 are those of the fixed variant (see its
 * package) plus: HMM's PTEs are read by a {@code pte_entry} the walker calls under the PTE lock, as
 * in the fixed model, rather than under {@code pte_offset_map()}.
 */
package dev.readonce.walker.prerfc;

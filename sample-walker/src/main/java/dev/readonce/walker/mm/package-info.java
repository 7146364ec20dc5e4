/**
 * The machine: a Java model of x86-64 five-level page tables in physical memory and of the kernel
 * code that writes them, shared by every variant of the walk.
 *
 * <ul>
 *   <li>Geometry and entries: {@link dev.readonce.walker.mm.Layout}, {@link
 *       dev.readonce.walker.mm.Pgtable}, the per-level tests and constructors {@link
 *       dev.readonce.walker.mm.Pgd} … {@link dev.readonce.walker.mm.Pte} ({@code @PointerTest} on
 *       the none/present/leaf/table tests), {@link dev.readonce.walker.mm.Swapops}.
 *   <li>Memory and slots: {@link dev.readonce.walker.mm.Arena} (frames shared by tables and data),
 *       {@link dev.readonce.walker.mm.EntryRef} and its per-level handles ({@code @ReadOnce get},
 *       {@code @ModifiesSlot set}; PGD, P4D and PUD handles are {@code @StableAfterPointer}).
 *   <li>Locks and address spaces: {@link dev.readonce.walker.mm.PgtableLocks} ({@code @LocksSlot}
 *       helpers), {@link dev.readonce.walker.mm.MmStruct}, {@link dev.readonce.walker.mm.VmArea},
 *       {@link dev.readonce.walker.mm.AddressSpace}, {@link dev.readonce.walker.mm.Tlb}.
 *   <li>Writers, each under the lock the kernel takes: {@link dev.readonce.walker.mm.PgtableAlloc},
 *       {@link dev.readonce.walker.mm.Fault}, {@link dev.readonce.walker.mm.HugeMemory}, {@link
 *       dev.readonce.walker.mm.Zap}, {@link dev.readonce.walker.mm.Migration}, {@link
 *       dev.readonce.walker.mm.Khugepaged}, and the lock-free hardware, {@link
 *       dev.readonce.walker.mm.Mmu}.
 *   <li>The test hook: {@link dev.readonce.walker.mm.Schedule}, {@link
 *       dev.readonce.walker.mm.SchedulePoint}.
 * </ul>
 *
 * <p>The machine's own reads follow the discipline too (one read per pass, decisions on the
 * snapshot, re-validation under the lock), so that the whole module can be checked.
 */
package dev.readonce.walker.mm;

/**
 * The page walk of {@code mm/pagewalk.c} with the discipline applied in full: mainline as of 2026,
 * with 3b89863c3fa4 ("mm/pagewalk: fix race between concurrent split and refault") and the PTE
 * level entered as {@code __pte_offset_map_lock()} does.
 *
 * <p>{@link dev.readonce.walker.fixed.PageWalk} has the entry points, {@link
 * dev.readonce.walker.fixed.PageTableWalk} the level walkers, {@link
 * dev.readonce.walker.fixed.MmWalkOps} the callbacks (each gets the walker's snapshot and the slot
 * handle), {@link dev.readonce.walker.fixed.MmWalk} the walk state and {@link
 * dev.readonce.walker.fixed.Action} the steering. The clients are in {@code fixed.client}.
 */
package dev.readonce.walker.fixed;

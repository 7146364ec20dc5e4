package dev.readonce.walker.prerfc;

import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.VmArea;

/**
 * The state of one walk, {@code struct mm_walk} ({@code include/linux/pagewalk.h}, v5.10): what the
 * callbacks see besides the slot handle they are given, and the {@link #action} through which they
 * steer the walker.
 *
 * @param <P> the type of the walk's private data
 */
public final class MmWalk<P> {

  /** The callbacks. */
  public final MmWalkOps<P> ops;

  /** The address space walked. */
  public final MmStruct mm;

  /** The caller's data for the callbacks ({@code walk->private}). */
  public final P priv;

  /** What the walker does after the current {@code pud_entry} or {@code pmd_entry} returns 0. */
  public Action action = Action.SUBTREE;

  /** Whether this is a walk of page tables without VMAs ({@code walk_page_range_novma()}). */
  final boolean noVma;

  private VmArea vma;

  MmWalk(MmWalkOps<P> ops, MmStruct mm, P priv, boolean noVma) {
    this.ops = ops;
    this.mm = mm;
    this.priv = priv;
    this.noVma = noVma;
  }

  /** The VMA being walked, or {@code null} outside VMAs and in a walk without VMAs. */
  public VmArea vma() {
    return vma;
  }

  void setVma(VmArea vma) {
    this.vma = vma;
  }
}

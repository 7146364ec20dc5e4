package dev.readonce.walker.prerfc;

/**
 * What the walker does after a callback returns 0, {@code enum page_walk_action} ({@code
 * include/linux/pagewalk.h}, v5.10). The walker sets {@link #SUBTREE} before each {@code pud_entry}
 * and {@code pmd_entry}; the callback may change it.
 */
public enum Action {
  /** Descend into the entry's subtree (splitting a huge entry first, if there is a VMA). */
  SUBTREE,
  /** Go on to the next entry without descending. */
  CONTINUE,
  /** Read the same entry again and call the callback again. */
  AGAIN
}

package dev.readonce.walker.rfc.client;

import dev.readonce.walker.mm.Layout;

/**
 * A range to snapshot for a device, {@code struct hmm_range} ({@code include/linux/hmm.h}): {@code
 * [start, end)} and one word per page, which holds the request flags on input ({@link
 * Hmm#HMM_PFN_REQ_FAULT}, {@link Hmm#HMM_PFN_REQ_WRITE}) and the frame number with {@link
 * Hmm#HMM_PFN_VALID}, {@link Hmm#HMM_PFN_WRITE}, the mapping order, or {@link Hmm#HMM_PFN_ERROR} on
 * output.
 */
public final class HmmRange {

  final long start;
  final long end;
  final long[] hmmPfns;
  final long defaultFlags;
  final long pfnFlagsMask;

  /**
   * A range whose requests are {@code defaultFlags} for every page plus, masked by {@code
   * pfnFlagsMask}, the flags already in {@code hmmPfns} ({@code default_flags}, {@code
   * pfn_flags_mask}).
   */
  public HmmRange(long start, long end, long[] hmmPfns, long defaultFlags, long pfnFlagsMask) {
    if (start >= end || ((start | end) & ~Layout.PAGE_MASK) != 0) {
      throw new IllegalArgumentException("bad range");
    }
    if (hmmPfns.length != (end - start) >>> Layout.PAGE_SHIFT) {
      throw new IllegalArgumentException("one word per page");
    }
    this.start = start;
    this.end = end;
    this.hmmPfns = hmmPfns;
    this.defaultFlags = defaultFlags;
    this.pfnFlagsMask = pfnFlagsMask;
  }

  /** A snapshot request without faulting: every word starts at 0. */
  public static HmmRange snapshot(long start, long end) {
    return new HmmRange(start, end, new long[(int) ((end - start) >>> Layout.PAGE_SHIFT)], 0, 0);
  }

  /** The output words, one per page (the array the range was made with, not a copy). */
  public long[] hmmPfns() {
    return hmmPfns;
  }

  int index(long addr) {
    return (int) ((addr - start) >>> Layout.PAGE_SHIFT);
  }
}

package com.example.pages;

/** Lock-free lookups: each reads an entry without the table's lock and classifies it. */
public final class Lookup {

  private Lookup() {}

  /** A writer may change the entry between the two reads: patched to read it once. */
  public static int classify(Entry entry) {
    long entryval = entry.get();
    if (Entries.isNone(entryval)) {
      return 0;
    }
    return Entries.isLeaf(entryval) ? 1 : 2;
  }

  /** A plain read of a slot: patched to the atomic accessor. */
  public static long peek(Entry entry) {
    return entry.get();
  }
}

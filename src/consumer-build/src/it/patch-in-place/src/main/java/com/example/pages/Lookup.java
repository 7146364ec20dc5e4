package com.example.pages;

/** Lock-free lookups: each reads an entry without the table's lock and classifies it. */
public final class Lookup {

  private Lookup() {}

  /** A writer may change the entry between the two reads: patched to read it once. */
  public static int classify(Entry entry) {
    if (Entries.isNone(entry.get())) {
      return 0;
    }
    return Entries.isLeaf(entry.get()) ? 1 : 2;
  }

  /** A plain read of a slot: patched to the atomic accessor. */
  public static long peek(Entry entry) {
    return entry.plainGet();
  }
}

package com.example.pages;

/** Lock-free lookups: each reads an entry without the table's lock and classifies it. */
public final class Lookup {

  private Lookup() {}

  /** Right: one read, and every decision on that snapshot. */
  public static int classify(Entry entry) {
    long e = entry.get();
    if (Entries.isNone(e)) {
      return 0;
    }
    return Entries.isLeaf(e) ? 1 : 2;
  }

  /** Wrong: a writer may change the entry between the two reads. */
  public static int classifyRacy(Entry entry) {
    if (Entries.isNone(entry.get())) {
      return 0;
    }
    return Entries.isLeaf(entry.get()) ? 1 : 2; // expected: [UnlockedReread]
  }
}

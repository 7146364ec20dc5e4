package com.example.pages;

/** Lock-free lookups: each reads an entry without the table's lock and classifies it. */
public final class Lookup {

  private Lookup() {}

  /** Wrong: a writer may change the entry between the two reads. */
  public static int classifyRacy(Entry entry) {
    if (Entries.isNone(entry.get())) {
      return 0;
    }
    return Entries.isLeaf(entry.get()) ? 1 : 2; // expected: [UnlockedReread]
  }

  /** Statistics only: a decision torn by a concurrent write just skews one sample. */
  @SuppressWarnings("UnlockedReread")
  public static int sample(Entry entry) {
    if (Entries.isNone(entry.get())) {
      return 0;
    }
    return Entries.isLeaf(entry.get()) ? 1 : 2; // silenced
  }

  /** Suppressing one check leaves the others: this plain read is still reported. */
  @SuppressWarnings("UnlockedReread")
  public static long sampleRaw(Entry entry) {
    return entry.plainGet(); // expected: [PlainSlotRead]
  }
}

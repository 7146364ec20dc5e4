package com.example.pages;

import dev.readonce.annotations.ReadOnce;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A handle on one entry of a shared table, which writers change only under the table's lock. */
public final class Entry {

  private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(long[].class);

  @ReadOnce private final long[] table;
  private final int index;

  public Entry(long[] table, int index) {
    this.table = table;
    this.index = index;
  }

  /** One atomic read of the entry: the snapshot a lock-free reader decides on. */
  @ReadOnce
  public long get() {
    return (long) ENTRY.getOpaque(table, index);
  }

  /** A plain read, kept for old callers: the compiler may split, repeat or hoist it. */
  @ReadOnce(atomic = false)
  public long plainGet() {
    return table[index];
  }
}

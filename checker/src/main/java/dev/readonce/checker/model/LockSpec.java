package dev.readonce.checker.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the lock of a slot is named by its declaration ({@code @ReadOnce(lock = ...)}).
 *
 * @param kind which of the three spellings the declaration uses
 * @param field the lock field's simple name, for {@link Kind#FIELD}; empty otherwise
 */
public record LockSpec(Kind kind, String field) {

  /** The spellings of a slot's lock. */
  public enum Kind {
    /** Taken only through {@code @LocksSlot} methods. */
    HELPERS,
    /** A field of the slot's owner (or a static field of its class): monitor or {@code Lock}. */
    FIELD,
    /** The monitor of the object the slot holds ({@code synchronized (f)} on the snapshot). */
    HELD_VALUE,
    /**
     * Not known: a field audit mode treats as a slot. Any lock the thread holds is taken as its
     * lock (the best guess when nothing names it).
     */
    UNKNOWN,
    /**
     * A field audit mode treats as a slot that nothing in its compilation unit writes under a lock
     * or updates atomically: plain stores are its discipline, so its stores are not judged.
     */
    UNGUARDED
  }

  public static final LockSpec HELPERS = new LockSpec(Kind.HELPERS, "");
  public static final LockSpec HELD_VALUE = new LockSpec(Kind.HELD_VALUE, "");
  public static final LockSpec UNKNOWN = new LockSpec(Kind.UNKNOWN, "");
  public static final LockSpec UNGUARDED = new LockSpec(Kind.UNGUARDED, "");

  /** Parses the {@code lock} element of {@code @ReadOnce}. */
  public static LockSpec parse(String lock) {
    if (lock.isEmpty()) {
      return HELPERS;
    }
    if (lock.equals(dev.readonce.annotations.ReadOnce.HELD_VALUE)) {
      return HELD_VALUE;
    }
    return new LockSpec(Kind.FIELD, lock);
  }

  // Written out (see SnapId): the record's generated equals/hashCode go through method handles,
  // slow before the JIT compiles them; hashCode is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof LockSpec l && kind == l.kind && Objects.equals(field, l.field));
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(kind);
    h = 31 * h + Objects.hashCode(field);
    return h;
  }
}

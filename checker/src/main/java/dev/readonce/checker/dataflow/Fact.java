package dev.readonce.checker.dataflow;

import dev.readonce.annotations.PointerTest.Shows;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a path has shown about a snapshot on the way to "it is a pointer to a lower table". A
 * snapshot is a pointer when all three hold; tests may establish them in any order.
 */
public enum Fact {
  NOT_NONE,
  PRESENT,
  NOT_LEAF;

  public static final Set<Fact> POINTER = EnumSet.allOf(Fact.class);

  /** The facts a test establishes when it returns {@code result}. */
  public static Set<Fact> learned(Shows shows, boolean result) {
    return switch (shows) {
      case NONE -> result ? EnumSet.noneOf(Fact.class) : EnumSet.of(NOT_NONE);
      case PRESENT -> result ? EnumSet.of(PRESENT, NOT_NONE) : EnumSet.noneOf(Fact.class);
      case LEAF -> result ? EnumSet.noneOf(Fact.class) : EnumSet.of(NOT_LEAF);
      case TABLE -> result ? EnumSet.allOf(Fact.class) : EnumSet.noneOf(Fact.class);
    };
  }

  /** The facts still missing for a pointer, in words, for messages. */
  public static String missing(Set<Fact> known) {
    StringBuilder out = new StringBuilder();
    for (Fact f : values()) {
      if (!known.contains(f)) {
        if (out.length() > 0) {
          out.append(", ");
        }
        out.append(
            switch (f) {
              case NOT_NONE -> "not none";
              case PRESENT -> "present";
              case NOT_LEAF -> "not a leaf";
            });
      }
    }
    return out.toString();
  }
}

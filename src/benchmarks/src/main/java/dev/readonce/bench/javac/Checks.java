package dev.readonce.bench.javac;

import java.util.List;
import java.util.stream.Collectors;

/** The six ReadOnce checks, by name. */
public final class Checks {

  /** Every ReadOnce check, in the order of the design brief. */
  public static final List<String> NAMES =
      List.of(
          "UnlockedReread",
          "PlainSlotRead",
          "SnapshotNotPassed",
          "MissingRevalidation",
          "DescentWithoutPointerCheck",
          "UnlockedSlotWrite");

  private Checks() {}

  /** The Error Prone flags that turn every ReadOnce check on at {@code severity}. */
  public static String enabled(String severity) {
    return NAMES.stream().map(n -> "-Xep:" + n + ":" + severity).collect(Collectors.joining(" "));
  }
}

package dev.readonce.realcode.mutation;

/**
 * The ways of breaking a slot discipline that the harness applies, each with the rule meant to
 * catch it.
 */
public enum Operator {
  /** Drop the comparison of slot and snapshot under the lock (keep the guarded code). */
  DROP_RECHECK("drop a re-check under the lock", "MissingRevalidation"),
  /** Replace a later use of a snapshot by a second read of its slot. */
  DUPLICATE_READ("duplicate a slot read", "UnlockedReread"),
  /** Move a slot write from inside its lock region to just after it. */
  MOVE_WRITE_OUT("move a locked write out of the lock", "UnlockedSlotWrite"),
  /** Replace an atomic read of a slot by a plain one. */
  PLAIN_ACCESS("replace an atomic accessor with a plain access", "PlainSlotRead"),
  /**
   * Give a callee declared to take the caller's snapshot a fresh read of the slot instead (in these
   * classes the slot's handle is the receiver the callee already has, so the re-read at the call is
   * the breach, and {@code UnlockedReread} the rule that names it).
   */
  PASS_HANDLE("pass the handle instead of the snapshot", "UnlockedReread"),
  /** Descend from a snapshot without the pointer test (classes with declared descents only). */
  DESCEND_WITHOUT_TEST("descend without the pointer test", "DescentWithoutPointerCheck");

  private final String description;
  private final String rule;

  Operator(String description, String rule) {
    this.description = description;
    this.rule = rule;
  }

  /** What the operator does, as the issue names it. */
  public String description() {
    return description;
  }

  /** The check that should report the mutant at the mutated statement. */
  public String rule() {
    return rule;
  }
}

package dev.readonce.checker.dataflow;

/** The rules of the discipline, one Error Prone check each; the name is the check's name. */
public enum Rule {
  UNLOCKED_REREAD("UnlockedReread"),
  PLAIN_SLOT_READ("PlainSlotRead"),
  SNAPSHOT_NOT_PASSED("SnapshotNotPassed"),
  MISSING_REVALIDATION("MissingRevalidation"),
  DESCENT_WITHOUT_POINTER_CHECK("DescentWithoutPointerCheck"),
  UNLOCKED_SLOT_WRITE("UnlockedSlotWrite");

  private final String checkName;

  Rule(String checkName) {
    this.checkName = checkName;
  }

  /** The Error Prone check name, as used in flags and {@code @SuppressWarnings}. */
  public String checkName() {
    return checkName;
  }
}

package dev.readonce.gate;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.readonce.checker.DescentWithoutPointerCheck;
import dev.readonce.checker.MissingRevalidation;
import dev.readonce.checker.PlainSlotRead;
import dev.readonce.checker.SnapshotNotPassed;
import dev.readonce.checker.UnknownContractName;
import dev.readonce.checker.UnlockedReread;
import dev.readonce.checker.UnlockedSlotWrite;
import java.util.Optional;

/**
 * What the reports say about each ReadOnce check: its name and summary (read from the check's
 * {@code @BugPattern}, so they cannot drift), a fuller description and what to do about a finding.
 *
 * @param check the check class
 * @param description what the rule flags and why, in a sentence or two
 * @param remedy what to do about a finding
 */
record RuleInfo(Class<? extends BugChecker> check, String description, String remedy) {

  /**
   * Every ReadOnce check: the six rules in the order of the design, then the check of the
   * vocabulary itself ({@link dev.readonce.analysis.ReadOnceChecks#names()}, which a test keeps
   * equal); SARIF's {@code ruleIndex} is this order.
   */
  static final ImmutableList<RuleInfo> ALL =
      ImmutableList.of(
          new RuleInfo(
              UnlockedReread.class,
              "A slot read without its lock was read again in the same pass while an earlier"
                  + " snapshot of it may still decide something. Between the two reads a writer"
                  + " can change the slot, so the pass decides on two different values (the"
                  + " pud_none(*pud) then pud_leaf(*pud) race of the Linux page walker).",
              "Read the slot once into a local snapshot and make every decision of the pass on"
                  + " that snapshot; pass the snapshot to callees instead of the slot handle."),
          new RuleInfo(
              PlainSlotRead.class,
              "A slot was read without its lock by a plain (non-atomic) field or array-element"
                  + " read. The Java Memory Model lets the compiler split, repeat or hoist such a"
                  + " read, and a long may tear (JLS 17.4, 17.7).",
              "Read the slot atomically: through its @ReadOnce accessor, an opaque or acquire"
                  + " VarHandle read, an Atomic* get, or a volatile field."),
          new RuleInfo(
              SnapshotNotPassed.class,
              "A callee was handed the slot handle and reads the slot itself, while this code"
                  + " already decided on a snapshot of it; the callee may see a different value.",
              "Pass the snapshot along (a @Snapshot parameter) next to the handle, and decide on"
                  + " the snapshot in the callee; hand the bare handle only to lock, re-check or"
                  + " modify methods."),
          new RuleInfo(
              MissingRevalidation.class,
              "The slot's lock was taken and the code then acted on what the pre-lock snapshot"
                  + " showed, without comparing the slot with the snapshot under the lock; a"
                  + " writer may have changed the slot before the lock was taken.",
              "Under the lock, compare the slot with the snapshot (or re-test a fresh locked"
                  + " read); on a mismatch, unlock and retry."),
          new RuleInfo(
              DescentWithoutPointerCheck.class,
              "The code descends to a lower table from a snapshot that this path has not shown"
                  + " to be a pointer to a table (not none, present, not a leaf), or descends"
                  + " without the lock from a slot that is not @StableAfterPointer.",
              "Test the snapshot (not none, present, not a leaf) and retry otherwise before"
                  + " descending; for a slot that is not stable once it holds a pointer, take its"
                  + " lock, re-validate, then descend."),
          new RuleInfo(
              UnlockedSlotWrite.class,
              "A slot was written (plain write or set) without its lock; readers that"
                  + " re-validate under the lock rely on every writer holding it.",
              "Take the slot's lock for the write, or use compare-and-set."),
          new RuleInfo(
              UnknownContractName.class,
              "A ReadOnce annotation names a lock field or a parameter that does not exist (a"
                  + " misspelling, or a name that was renamed). The contract it was meant to state"
                  + " is then not there, and every check judges the code without it.",
              "Name an existing field of the slot's class for lock =, or a parameter of the"
                  + " annotated method; the message lists the names that exist."));

  /** The check's name, as in {@code -Xep:Name:ERROR} and {@code @SuppressWarnings}. */
  String name() {
    // The canonical name: @BugPattern.name when set, else the class's simple name.
    return com.google.errorprone.BugCheckerInfo.create(check).canonicalName();
  }

  /** The check's one-sentence summary. */
  String summary() {
    return pattern().summary();
  }

  /** Where the check's documentation page is, relative to the ReadOnce repository root. */
  String docPath() {
    return pattern().link();
  }

  private BugPattern pattern() {
    return check.getAnnotation(BugPattern.class);
  }

  static Optional<RuleInfo> named(String name) {
    return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  static int indexOf(String name) {
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}

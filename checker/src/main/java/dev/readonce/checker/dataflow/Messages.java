package dev.readonce.checker.dataflow;

import org.jspecify.annotations.Nullable;

/**
 * Every message the rules report, in one place. Each names the slot, the line of the read it
 * relates to, and what to do.
 */
final class Messages {

  private Messages() {}

  static String reread(String slot, String earlier, int line, boolean parameter, String use) {
    if (parameter) {
      return String.format(
          "slot '%s' read again although the caller passed its snapshot '%s' (line %d); decide"
              + " on '%s' instead of re-reading the slot",
          slot, earlier, line, earlier);
    }
    if (use != null) {
      return String.format(
          "slot '%s' read again while its snapshot '%s' (line %d) may still decide this pass;"
              + " use '%s'",
          slot, use, line, use);
    }
    return String.format(
        "slot '%s' read again after the read on line %d decided this pass; read it once into a"
            + " local and decide everything on that",
        slot, line);
  }

  static String plainRead(String slot) {
    return String.format(
        "plain read of slot '%s' without its lock: the compiler may split, repeat or hoist it;"
            + " read it atomically (its @ReadOnce accessor, an opaque/acquire VarHandle read, or a"
            + " volatile field)",
        slot);
  }

  static String notPassed(String callee, String slot, @Nullable String snapshot, int line) {
    return String.format(
        "%s() is given slot '%s' and reads it again, while this code decided on %s (line %d);"
            + " pass the snapshot along (a @Snapshot parameter) and decide on it there",
        callee,
        slot,
        snapshot == null ? "a snapshot of it" : "its snapshot '" + snapshot + "'",
        line);
  }

  static String staleUnderLock(String snapshot, String slot, int readLine, int lockLine) {
    return String.format(
        "snapshot %s of slot '%s' (read on line %d, before the lock taken on line %d) is used"
            + " under the lock without re-validation; compare the slot with it under the lock"
            + " and unlock and retry on a mismatch",
        snapshot, slot, readLine, lockLine);
  }

  static String freshReadAsIf(String value, String slot, int lockLine, int testedLine) {
    return String.format(
        "'%s' was re-read from slot '%s' under the lock taken on line %d but is acted on as if"
            + " it still showed what the snapshot tested on line %d showed; test it again under"
            + " the lock, or compare it with the snapshot, and retry on a mismatch",
        value, slot, lockLine, testedLine);
  }

  static String mismatchGoesOn(String snapshot, String slot, int readLine) {
    return String.format(
        "snapshot %s of slot '%s' (read on line %d) was found not to match the slot, yet it is"
            + " still used; on a mismatch unlock and retry (return AGAIN, continue) instead",
        snapshot, slot, readLine);
  }

  static String unvalidatedOptimisticRead(String snapshot, String slot, int readLine) {
    return String.format(
        "snapshot %s of slot '%s' (read on line %d, after tryOptimisticRead()) is acted on before"
            + " validate(stamp) confirmed it; validate first, and retry or take the lock when it"
            + " fails",
        snapshot, slot, readLine);
  }

  static String notPointer(String snapshot, String slot, int readLine, String missing, String via) {
    return String.format(
        "descends%s from snapshot %s of slot '%s' (read on line %d) which this path has not shown"
            + " to be a pointer to a table (not shown: %s); test it and retry otherwise",
        via, snapshot, slot, readLine, missing);
  }

  static String unstableDescent(String snapshot, String slot, int readLine) {
    return String.format(
        "descends from snapshot %s of slot '%s' (read on line %d) without its lock, but the slot"
            + " is not @StableAfterPointer (its table can be freed); take the slot's lock,"
            + " compare the slot with the snapshot, retry on a mismatch, then descend",
        snapshot, slot, readLine);
  }

  static String storeOnStaleDecision(String slot, int readLine, int lockLine) {
    return String.format(
        "write to slot '%s' under the lock taken on line %d goes on from a test of its snapshot"
            + " read on line %d, before the lock, which is not re-validated under it; compare the"
            + " slot with the snapshot under the lock and unlock and retry on a mismatch",
        slot, lockLine, readLine);
  }

  static String storeAfterMismatch(String slot, int readLine, int lockLine) {
    return String.format(
        "write to slot '%s' under the monitor of its value taken on line %d, on a path where the"
            + " re-check of the snapshot read on line %d showed the slot no longer holds that"
            + " value: the monitor no longer guards the slot; unlock and retry on a mismatch",
        slot, lockLine, readLine);
  }

  static String unlockedWrite(String slot) {
    return String.format(
        "write to slot '%s' without its lock; take the slot's lock, or use compare-and-set",
        slot);
  }

  /**
   * A store into an array declared filled under another array's slot lock ({@code
   * @FilledUnderLockOf}), without that lock re-validated.
   *
   * @param held the slot of the other array whose lock is held but not re-validated, or null
   */
  static String unlockedFill(String slot, String of, @Nullable String held, int heldLine) {
    return held == null
        ? String.format(
            "write to slot '%s' without the lock of a slot of '%s', which covers it"
                + " (@FilledUnderLockOf); take that slot's lock and re-check the slot first",
            slot, of)
        : String.format(
            "write to slot '%s' under the lock of '%s' (line %d) without a successful re-check"
                + " of that slot against its snapshot: the lock covers '%s' only once the re-check"
                + " shows this thread still owns the slot (@FilledUnderLockOf)",
            slot, held, heldLine, slot);
  }

  static String callWithoutLock(String callee, String lock) {
    return String.format(
        "%s() is called without lock '%s', which its callers must hold (@Holding): it reads and"
            + " writes the slots that lock guards; take the lock around the call",
        callee, lock);
  }

  static String referenceToHolding(String callee, String lock) {
    return String.format(
        "method reference to %s(), whose callers must hold lock '%s' (@Holding): the reference"
            + " calls it wherever it is invoked, where the lock is not known to be held; hand on a"
            + " lambda that takes the lock around the call",
        callee, lock);
  }

  static String referenceToWriter(String callee, String slot) {
    return String.format(
        "method reference to %s(), part of the single writer of slot '%s' (@SingleWriter): the"
            + " reference calls it wherever it is invoked, which is not serialized with the"
            + " writer; call it only from the writer's methods",
        callee, slot);
  }

  static String lockNotTaken(String method, String lock) {
    return String.format(
        "%s() is declared to return holding lock '%s' (@AcquiresLock), but can return without"
            + " it: its callers would write the slots that lock guards unlocked; take the lock on"
            + " every path, or drop the declaration",
        method, lock);
  }

  static String lockNotReleased(String method, String lock) {
    return String.format(
        "%s() is declared to release lock '%s' (@ReleasesLock), but can return still holding it;"
            + " release it on every path, or drop the declaration",
        method, lock);
  }

  static String hintUnderLock(String hint, String slot, int readLine, int lockLine) {
    return String.format(
        "hint %s of slot '%s' (read without the lock on line %d) is used under the lock taken on"
            + " line %d without validation; hand it to a method that validates it"
            + " (@ValidatesHint) or compare it with the slot first",
        hint, slot, readLine, lockLine);
  }

  static String hintMisused(String hint, String slot, int readLine, String misuse) {
    return String.format(
        "hint %s of slot '%s' (read without the lock on line %d) %s; a hint may only decide tests"
            + " here, and be used under the lock after validation",
        hint, slot, readLine, misuse);
  }

  static String validatorUnlocked(String method, String slot) {
    return String.format(
        "%s() validates hints of slot '%s' but does not hold its lock; declare that its callers"
            + " hold it (@Holding, holding)",
        method, slot);
  }

  static String validatorNoFallback(String method, String param, String slot) {
    return String.format(
        "%s() validates the hint '%s' of slot '%s' but never falls back to the slot; test the"
            + " hint and replace it with the slot's value when the test fails (if (<test of %s>)"
            + " %s = %s;)",
        method, param, slot, param, param, slot);
  }

  static String writeOutsideSingleWriter(String slot, String writers, String method) {
    return String.format(
        "slot '%s' is written outside its single writer (%s, declared @SingleWriter), which reads"
            + " it without the lock: a write in %s races with those reads even under the lock;"
            + " write it only in the writer's methods, on this object",
        slot, writers, method);
  }

  static String writerCalledOutside(String callee, String slot, boolean onThis, String method) {
    return onThis
        ? String.format(
            "%s() is part of the single writer of slot '%s' (@SingleWriter), but %s is not:"
                + " its calls are not serialized with the writer's; call %s() only from the"
                + " writer's methods, or declare %s a writer of '%s' if its callers serialize it"
                + " with them",
            callee, slot, method, callee, method, slot)
        : String.format(
            "%s() is part of the single writer of slot '%s' (@SingleWriter) of its own object;"
                + " calling it on another object is not serialized with that object's writer",
            callee, slot);
  }
}

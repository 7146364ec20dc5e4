package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.readonce.checker.model.LockSpec;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is known about one snapshot at a program point.
 *
 * @param slot the slot it was read from, or null when the slot has no trackable path
 * @param origin what to call the read in messages (the variable or the read expression)
 * @param line the line of the read (of the method, for a parameter)
 * @param facts what tests on this path have shown about it
 * @param tested whether any test or comparison has looked at it on every path
 * @param underLock whether it was read while holding the slot's lock (a stable read)
 * @param stable whether its slot is stable after a pointer
 * @param lock how its slot's lock is named
 * @param parameter whether it is a {@code @Snapshot} parameter (the caller decided on it)
 * @param mismatched whether a re-check found that the slot no longer holds it
 * @param decidedIn where the tests that looked at it on the paths reaching here were made: a test
 *     made in a loop decides only within that loop, since leaving the loop ends the pass that made
 *     it ({@link MethodContext#decidesAt}); a caller's test of a parameter lasts the method
 */
public record SnapState(
    @Nullable SlotKey slot,
    String origin,
    int line,
    ImmutableSet<Fact> facts,
    boolean tested,
    boolean underLock,
    boolean stable,
    LockSpec lock,
    boolean parameter,
    boolean mismatched,
    ImmutableSet<TestSite> decidedIn) {

  /** A snapshot as read (untested), or a {@code @Snapshot} parameter (tested by its caller). */
  public SnapState(
      @Nullable SlotKey slot,
      String origin,
      int line,
      ImmutableSet<Fact> facts,
      boolean tested,
      boolean underLock,
      boolean stable,
      LockSpec lock,
      boolean parameter,
      boolean mismatched) {
    this(
        slot, origin, line, facts, tested, underLock, stable, lock, parameter, mismatched,
        tested ? ImmutableSet.of(TestSite.METHOD) : ImmutableSet.of());
  }

  /** Tested by a test at {@code site}, which showed {@code learned}. */
  public SnapState withFacts(Set<Fact> learned, TestSite site) {
    EnumSet<Fact> all = EnumSet.noneOf(Fact.class);
    all.addAll(facts);
    all.addAll(learned);
    return new SnapState(
        slot, origin, line, ImmutableSet.copyOf(all), true, underLock, stable, lock, parameter,
        mismatched, decidedAlsoIn(site));
  }

  /** Tested (looked at by a test or comparison) at {@code site}. */
  public SnapState asTested(TestSite site) {
    return tested && decidedIn.contains(site)
        ? this
        : new SnapState(
            slot, origin, line, facts, true, underLock, stable, lock, parameter, mismatched,
            decidedAlsoIn(site));
  }

  /** A re-check at {@code site} found that the slot no longer holds it. */
  public SnapState asMismatched(TestSite site) {
    return new SnapState(
        slot, origin, line, facts, true, underLock, stable, lock, parameter, true,
        decidedAlsoIn(site));
  }

  private ImmutableSet<TestSite> decidedAlsoIn(TestSite site) {
    return decidedIn.contains(site)
        ? decidedIn
        : ImmutableSet.<TestSite>builder().addAll(decidedIn).add(site).build();
  }

  /** The same snapshot, its slot named by another key (after a rebase of the slot's path). */
  public SnapState withSlot(@Nullable SlotKey key) {
    return new SnapState(
        key, origin, line, facts, tested, underLock, stable, lock, parameter, mismatched,
        decidedIn);
  }

  public boolean isPointer() {
    return facts.containsAll(Fact.POINTER);
  }

  /**
   * The state on a merge of two paths: facts that hold on both, doubts that hold on either (the
   * tests of either path among them).
   */
  public SnapState merge(SnapState other) {
    return new SnapState(
        slot,
        origin,
        Math.min(line, other.line),
        ImmutableSet.copyOf(Sets.intersection(facts, other.facts)),
        tested && other.tested,
        underLock && other.underLock,
        stable,
        lock,
        parameter,
        mismatched || other.mismatched,
        decidedIn.equals(other.decidedIn)
            ? decidedIn
            : ImmutableSet.<TestSite>builder().addAll(decidedIn).addAll(other.decidedIn).build());
  }

  // Written out (see SnapId): the record's generated equals/hashCode go through method handles,
  // slow before the JIT compiles them; hashCode is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof SnapState s
            && line == s.line
            && tested == s.tested
            && underLock == s.underLock
            && stable == s.stable
            && parameter == s.parameter
            && mismatched == s.mismatched
            && Objects.equals(slot, s.slot)
            && Objects.equals(origin, s.origin)
            && Objects.equals(facts, s.facts)
            && Objects.equals(lock, s.lock)
            && Objects.equals(decidedIn, s.decidedIn));
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(slot);
    h = 31 * h + Objects.hashCode(origin);
    h = 31 * h + line;
    h = 31 * h + Objects.hashCode(facts);
    h = 31 * h + Boolean.hashCode(tested);
    h = 31 * h + Boolean.hashCode(underLock);
    h = 31 * h + Boolean.hashCode(stable);
    h = 31 * h + Objects.hashCode(lock);
    h = 31 * h + Boolean.hashCode(parameter);
    h = 31 * h + Boolean.hashCode(mismatched);
    h = 31 * h + Objects.hashCode(decidedIn);
    return h;
  }
}

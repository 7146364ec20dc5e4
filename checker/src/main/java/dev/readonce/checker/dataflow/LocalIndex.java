package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Two indexes of a store's locals, updated with them, so that the questions an assignment asks
 * are lookups, not walks of every local (which, asked on every assignment, made a long method's
 * analysis grow with the square of its length):
 *
 * <ul>
 *   <li>{@code holders}: how many locals hold each snapshot ("does any local still hold it?");
 *   <li>{@code keepers}: how many CFG temporaries hold exactly a source local's path ({@code
 *       tempPostfix#num0 = i} for {@code i++}), so {@link SlotStore#keeperOf} walks the locals
 *       only when there is a keeper to find;
 *   <li>{@code mentions}: per variable, how many locals' paths mention it ({@link Mentions}), so
 *       a reassignment walks the locals only when some path goes through the variable.
 * </ul>
 *
 * <p>A key with a count of zero has no entry, so both are functions of the locals alone (the
 * randomized test compares them with {@link #of}).
 *
 * @param holders per snapshot, the number of locals whose value may be it
 * @param keepers per source local, the number of temporaries whose value's path is that local
 * @param mentions per variable, the number of locals whose value's path mentions it
 */
record LocalIndex(
    SharedMap<SnapId, Integer> holders,
    SharedMap<VarSymbol, Integer> keepers,
    SharedMap<VarSymbol, Integer> mentions) {

  static final LocalIndex EMPTY =
      new LocalIndex(SharedMap.empty(), SharedMap.empty(), SharedMap.empty());

  /** The index of {@code locals}, computed from scratch (the reference the updates must match). */
  static LocalIndex of(Map<VarSymbol, SlotValue> locals) {
    LocalIndex out = EMPTY;
    for (Map.Entry<VarSymbol, SlotValue> e : locals.entrySet()) {
      out = out.replaced(e.getKey(), null, e.getValue(), null);
    }
    return out;
  }

  /**
   * The index after local {@code key}'s value changed from {@code before} to {@code after} (null:
   * no value); each snapshot no local holds any more is added to {@code unheld} when it is given.
   */
  @SuppressWarnings("ReferenceEquality") // the same object: nothing changed
  LocalIndex replaced(
      VarSymbol key,
      @Nullable SlotValue before,
      @Nullable SlotValue after,
      @Nullable List<SnapId> unheld) {
    if (before == after) {
      return this;
    }
    SharedMap<SnapId, Integer> h = holders(holders, before, after, unheld);
    VarSymbol keptBefore = kept(key, before);
    VarSymbol keptAfter = kept(key, after);
    SharedMap<VarSymbol, Integer> k = keepers;
    if (keptBefore != keptAfter) {
      k = count(count(k, keptBefore, -1), keptAfter, +1);
    }
    AccessPath pathBefore = before == null ? null : before.path();
    AccessPath pathAfter = after == null ? null : after.path();
    SharedMap<VarSymbol, Integer> m = mentions;
    if (pathBefore != pathAfter && !java.util.Objects.equals(pathBefore, pathAfter)) {
      m = Mentions.counted(Mentions.counted(m, pathBefore, -1), pathAfter, +1);
    }
    return h == holders && k == keepers && m == mentions ? this : new LocalIndex(h, k, m);
  }

  /** The source local whose path a temporary's value is, if the key is a temporary. */
  private static @Nullable VarSymbol kept(VarSymbol key, @Nullable SlotValue value) {
    AccessPath p = value == null ? null : value.path();
    // The path first: it rules out nearly every local, and the name test decodes a name.
    return p != null
            && p.steps().isEmpty()
            && p.root() instanceof AccessPath.Local local
            && AccessPath.isSynthetic(key)
        ? local.variable()
        : null;
  }

  private static <K> SharedMap<K, Integer> count(
      SharedMap<K, Integer> counts, @Nullable K key, int delta) {
    if (key == null) {
      return counts;
    }
    Integer n = counts.get(key);
    int m = (n == null ? 0 : n) + delta;
    // Never below zero for an index that matches its locals; tolerated, as zero.
    return m <= 0 ? counts.minus(key) : counts.plus(key, m);
  }

  @SuppressWarnings("ReferenceEquality") // the same set: nothing to count
  private static SharedMap<SnapId, Integer> holders(
      SharedMap<SnapId, Integer> counts,
      @Nullable SlotValue before,
      @Nullable SlotValue after,
      @Nullable List<SnapId> unheld) {
    ImmutableSet<SnapId> gone = before == null ? ImmutableSet.of() : before.snaps();
    ImmutableSet<SnapId> come = after == null ? ImmutableSet.of() : after.snaps();
    if (gone == come || (gone.isEmpty() && come.isEmpty())) {
      return counts;
    }
    SharedMap<SnapId, Integer> out = counts;
    for (SnapId s : gone) {
      if (!come.contains(s)) {
        Integer n = out.get(s);
        if (n == null || n <= 1) {
          out = out.minus(s);
          if (unheld != null) {
            unheld.add(s);
          }
        } else {
          out = out.plus(s, n - 1);
        }
      }
    }
    for (SnapId s : come) {
      if (!gone.contains(s)) {
        out = count(out, s, +1);
      }
    }
    return out;
  }

  /** The index followed through the changes a union of locals makes. */
  static final class Tracker implements SharedMap.Changes<VarSymbol, SlotValue> {
    private LocalIndex index;

    Tracker(LocalIndex index) {
      this.index = index;
    }

    @Override
    public void changed(VarSymbol key, @Nullable SlotValue before, SlotValue after) {
      index = index.replaced(key, before, after, null);
    }

    LocalIndex index() {
      return index;
    }
  }
}

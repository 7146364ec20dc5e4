package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How many locals hold each snapshot: an index derived from a store's locals and updated with
 * them, so that "does any local still hold this snapshot?" is a lookup, not a walk of every local
 * (which, asked on every assignment, made a long method's analysis grow with the square of its
 * length). A snapshot no local holds has no entry, so the index is a function of the locals alone.
 */
final class SnapHolders {

  private SnapHolders() {}

  /** The index of {@code locals}, computed from scratch (the reference the updates must match). */
  static SharedMap<SnapId, Integer> of(Map<?, SlotValue> locals) {
    SharedMap<SnapId, Integer> out = SharedMap.empty();
    for (SlotValue value : locals.values()) {
      out = replaced(out, null, value);
    }
    return out;
  }

  /** The index followed through the changes a union of locals makes. */
  static final class Tracker implements SharedMap.Changes<VarSymbol, SlotValue> {
    private SharedMap<SnapId, Integer> counts;

    Tracker(SharedMap<SnapId, Integer> counts) {
      this.counts = counts;
    }

    @Override
    public void changed(VarSymbol key, @Nullable SlotValue before, SlotValue after) {
      counts = replaced(counts, before, after);
    }

    SharedMap<SnapId, Integer> counts() {
      return counts;
    }
  }

  /** The index after one local's value changed from {@code before} to {@code after}. */
  @SuppressWarnings("ReferenceEquality") // the same set: nothing to count
  static SharedMap<SnapId, Integer> replaced(
      SharedMap<SnapId, Integer> counts, @Nullable SlotValue before, @Nullable SlotValue after) {
    ImmutableSet<SnapId> gone = before == null ? ImmutableSet.of() : before.snaps();
    ImmutableSet<SnapId> come = after == null ? ImmutableSet.of() : after.snaps();
    if (gone == come || (gone.isEmpty() && come.isEmpty())) {
      return counts;
    }
    SharedMap<SnapId, Integer> out = counts;
    for (SnapId s : gone) {
      if (!come.contains(s)) {
        Integer n = out.get(s);
        // Never absent for an index that matches its locals; tolerated, as a count of zero.
        out = n == null || n <= 1 ? out.minus(s) : out.plus(s, n - 1);
      }
    }
    for (SnapId s : come) {
      if (!gone.contains(s)) {
        Integer n = out.get(s);
        out = out.plus(s, n == null ? 1 : n + 1);
      }
    }
    return out;
  }
}

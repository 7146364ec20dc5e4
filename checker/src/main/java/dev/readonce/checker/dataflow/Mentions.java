package dev.readonce.checker.dataflow;

import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Per variable, how many paths of a collection {@link AccessPath#mentions mention} it: kept with
 * the store's locals and reads, so that a reassignment looks for the entries it invalidates only
 * when there are some (a long method assigns a local per statement, and walking every read and
 * local at each made its analysis grow with the square of its length). A variable no path
 * mentions has no entry.
 */
final class Mentions {

  private Mentions() {}

  /** The counts with one path added ({@code delta} 1) or removed (-1); null changes nothing. */
  static SharedMap<VarSymbol, Integer> counted(
      SharedMap<VarSymbol, Integer> counts, @Nullable AccessPath path, int delta) {
    if (path == null) {
      return counts;
    }
    // A variable mentioned twice by one path counts once for it.
    Set<VarSymbol> mentioned = new HashSet<>(4);
    path.forEachMentioned(mentioned::add);
    SharedMap<VarSymbol, Integer> out = counts;
    for (VarSymbol v : mentioned) {
      Integer n = out.get(v);
      int m = (n == null ? 0 : n) + delta;
      // Never below zero for counts that match their paths; tolerated, as zero.
      out = m <= 0 ? out.minus(v) : out.plus(v, m);
    }
    return out;
  }

  /** The counts for some paths, computed from scratch. */
  static SharedMap<VarSymbol, Integer> of(Iterable<@Nullable AccessPath> paths) {
    SharedMap<VarSymbol, Integer> out = SharedMap.empty();
    for (AccessPath p : paths) {
      out = counted(out, p, +1);
    }
    return out;
  }

  /** The counts followed through the keys a union of slot-keyed maps adds. */
  static final class Tracker<V> implements SharedMap.Changes<SlotKey, V> {
    private SharedMap<VarSymbol, Integer> counts;

    Tracker(SharedMap<VarSymbol, Integer> counts) {
      this.counts = counts;
    }

    @Override
    public void changed(SlotKey key, @Nullable V before, V after) {
      // A merged value keeps its key: only an added key changes the counts.
      if (before == null) {
        counts = counted(counts, key.path(), +1);
      }
    }

    SharedMap<VarSymbol, Integer> counts() {
      return counts;
    }
  }
}

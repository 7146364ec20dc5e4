package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;
import org.jspecify.annotations.Nullable;

/**
 * The immutable state at one program point: what each local holds, what is known of each
 * snapshot, which slots were read unlocked in this pass, and which slot locks are held.
 *
 * <p>Joins are "may" for values and reads (a read on either path may still decide) and "must" for
 * locks and facts (a lock, or a fact, counts only if it holds on every path).
 */
public final class SlotStore implements Store<SlotStore> {

  public static final SlotStore EMPTY =
      new SlotStore(ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of());

  private final ImmutableMap<VarSymbol, SlotValue> locals;
  private final ImmutableMap<SnapId, SnapState> snaps;
  private final ImmutableMap<SlotKey, ReadRecord> reads;
  private final ImmutableMap<SlotKey, LockRegion> locks;

  private SlotStore(
      ImmutableMap<VarSymbol, SlotValue> locals,
      ImmutableMap<SnapId, SnapState> snaps,
      ImmutableMap<SlotKey, ReadRecord> reads,
      ImmutableMap<SlotKey, LockRegion> locks) {
    this.locals = locals;
    this.snaps = snaps;
    this.reads = reads;
    this.locks = locks;
  }

  public ImmutableMap<VarSymbol, SlotValue> locals() {
    return locals;
  }

  public SlotValue local(VarSymbol variable) {
    return locals.getOrDefault(variable, SlotValue.NOTHING);
  }

  public @Nullable SnapState snap(SnapId id) {
    return snaps.get(id);
  }

  public @Nullable ReadRecord read(SlotKey slot) {
    return reads.get(slot);
  }

  public ImmutableMap<SnapId, SnapState> snaps() {
    return snaps;
  }

  public ImmutableMap<SlotKey, ReadRecord> reads() {
    return reads;
  }

  public ImmutableMap<SlotKey, LockRegion> locks() {
    return locks;
  }

  /** The held lock region covering a slot, if any. */
  public @Nullable LockRegion lockCovering(@Nullable SlotKey slot) {
    if (slot == null) {
      return null;
    }
    LockRegion exact = locks.get(slot);
    if (exact != null) {
      return exact;
    }
    for (LockRegion region : locks.values()) {
      if (region.slot().covers(slot)) {
        return region;
      }
    }
    // A handle into a lower table, reached under that table's lock: `ptep`, `ptep.table[i]`.
    if (slot.path().root() instanceof AccessPath.Local local
        && (slot.path().steps().isEmpty()
            || slot.path().steps().get(0) instanceof AccessPath.Field)) {
      SlotKey parent = local(local.variable()).coveredBy();
      LockRegion region = parent == null ? null : locks.get(parent);
      if (region != null && region.lowerTable()) {
        return region;
      }
    }
    return null;
  }

  public SlotStore withLocal(VarSymbol variable, SlotValue value) {
    Map<VarSymbol, SlotValue> next = new LinkedHashMap<>(locals);
    if (value.isNothing()) {
      next.remove(variable);
    } else {
      next.put(variable, value);
    }
    return new SlotStore(ImmutableMap.copyOf(next), snaps, reads, locks);
  }

  public SlotStore withSnap(SnapId id, SnapState state) {
    return new SlotStore(locals, put(snaps, id, state), reads, locks);
  }

  public SlotStore withRead(SlotKey slot, ReadRecord record) {
    return new SlotStore(locals, snaps, put(reads, slot, record), locks);
  }

  public SlotStore withLock(LockRegion region) {
    return new SlotStore(locals, snaps, reads, put(locks, region.slot(), region));
  }

  public SlotStore withoutLock(SlotKey slot) {
    return new SlotStore(locals, snaps, reads, remove(locks, k -> k.equals(slot)));
  }

  public SlotStore withoutLocks(Predicate<LockRegion> drop) {
    return new SlotStore(
        locals, snaps, reads, remove(locks, k -> drop.test(Objects.requireNonNull(locks.get(k)))));
  }

  public SlotStore withoutReads(Predicate<SlotKey> drop) {
    return new SlotStore(locals, snaps, remove(reads, drop), locks);
  }

  public SlotStore withoutReadsIn(ImmutableSet<Long> blocks) {
    return new SlotStore(
        locals,
        snaps,
        remove(reads, k -> !java.util.Collections.disjoint(reads.get(k).blocks(), blocks)),
        locks);
  }

  /** Forgets every read and lock whose slot path goes through the reassigned variable. */
  public SlotStore reassigned(VarSymbol variable) {
    return new SlotStore(
        locals,
        snaps,
        remove(reads, k -> k.mentions(variable)),
        remove(locks, k -> k.mentions(variable)));
  }

  private static <K, V> ImmutableMap<K, V> put(ImmutableMap<K, V> map, K key, V value) {
    Map<K, V> next = new LinkedHashMap<>(map);
    next.put(key, value);
    return ImmutableMap.copyOf(next);
  }

  private static <K, V> ImmutableMap<K, V> remove(ImmutableMap<K, V> map, Predicate<K> drop) {
    boolean any = false;
    for (K k : map.keySet()) {
      if (drop.test(k)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return map;
    }
    ImmutableMap.Builder<K, V> next = ImmutableMap.builder();
    map.forEach(
        (k, v) -> {
          if (!drop.test(k)) {
            next.put(k, v);
          }
        });
    return next.buildOrThrow();
  }

  @Override
  public SlotStore copy() {
    return this;
  }

  @Override
  public SlotStore leastUpperBound(SlotStore other) {
    if (this.equals(other)) {
      return this;
    }
    Map<VarSymbol, SlotValue> mergedLocals = new LinkedHashMap<>(locals);
    other.locals.forEach((k, v) -> mergedLocals.merge(k, v, SlotValue::leastUpperBound));
    Map<SnapId, SnapState> mergedSnaps = new LinkedHashMap<>(snaps);
    other.snaps.forEach((k, v) -> mergedSnaps.merge(k, v, SnapState::merge));
    Map<SlotKey, ReadRecord> mergedReads = new LinkedHashMap<>(reads);
    other.reads.forEach((k, v) -> mergedReads.merge(k, v, ReadRecord::merge));
    Map<SlotKey, LockRegion> mergedLocks = new LinkedHashMap<>();
    locks.forEach(
        (k, v) -> {
          LockRegion theirs = other.locks.get(k);
          if (theirs != null) {
            mergedLocks.put(k, v.merge(theirs));
          }
        });
    return new SlotStore(
        ImmutableMap.copyOf(mergedLocals),
        ImmutableMap.copyOf(mergedSnaps),
        ImmutableMap.copyOf(mergedReads),
        ImmutableMap.copyOf(mergedLocks));
  }

  @Override
  public SlotStore widenedUpperBound(SlotStore previous) {
    // The lattice is finite per method (snapshots are read sites), so joins terminate.
    return leastUpperBound(previous);
  }

  @Override
  public boolean canAlias(JavaExpression a, JavaExpression b) {
    return true;
  }

  @Override
  public String visualize(CFGVisualizer<?, SlotStore, ?> viz) {
    return toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SlotStore s
        && locals.equals(s.locals)
        && snaps.equals(s.snaps)
        && reads.equals(s.reads)
        && locks.equals(s.locks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(locals, snaps, reads, locks);
  }

  @Override
  public String toString() {
    return "SlotStore{locals=" + locals + ", snaps=" + snaps + ", reads=" + reads + ", locks="
        + locks + "}";
  }
}

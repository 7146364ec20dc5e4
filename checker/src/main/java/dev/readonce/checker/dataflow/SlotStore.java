package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;
import org.jspecify.annotations.Nullable;
import org.pcollections.OrderedPMap;

/**
 * The immutable state at one program point: what each local holds, what is known of each
 * snapshot, which slots were read unlocked in this pass, and which slot locks are held.
 *
 * <p>Joins are "may" for values and reads (a read on either path may still decide) and "must" for
 * locks and facts (a lock, or a fact, counts only if it holds on every path).
 */
public final class SlotStore implements Store<SlotStore> {

  public static final SlotStore EMPTY =
      new SlotStore(
          OrderedPMap.empty(),
          OrderedPMap.empty(),
          OrderedPMap.empty(),
          OrderedPMap.empty(),
          Owned.NOTHING);

  // Persistent maps in insertion order (iteration order decides which name a message uses, so it
  // must not depend on hash codes): an update or a join costs O(log n) per changed entry instead
  // of a copy of the map, which kept the analysis of a long method from growing with the square
  // of its length.
  private final OrderedPMap<VarSymbol, SlotValue> locals;
  private final OrderedPMap<SnapId, SnapState> snaps;
  private final OrderedPMap<SlotKey, ReadRecord> reads;
  private final OrderedPMap<SlotKey, LockRegion> locks;
  private final Owned owned;

  private SlotStore(
      OrderedPMap<VarSymbol, SlotValue> locals,
      OrderedPMap<SnapId, SnapState> snaps,
      OrderedPMap<SlotKey, ReadRecord> reads,
      OrderedPMap<SlotKey, LockRegion> locks,
      Owned owned) {
    this.locals = locals;
    this.snaps = snaps;
    this.reads = reads;
    this.locks = locks;
    this.owned = owned;
  }

  /** What this thread owns here: unpublished objects, claimed slots, unnamed locks. */
  public Owned owned() {
    return owned;
  }

  public SlotStore withOwned(Owned o) {
    return o.equals(owned) ? this : new SlotStore(locals, snaps, reads, locks, o);
  }

  public Map<VarSymbol, SlotValue> locals() {
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

  public Map<SnapId, SnapState> snaps() {
    return snaps;
  }

  public Map<SlotKey, ReadRecord> reads() {
    return reads;
  }

  public Map<SlotKey, LockRegion> locks() {
    return locks;
  }

  /** The held lock region covering a slot, if any. */
  public @Nullable LockRegion lockCovering(@Nullable SlotKey slot) {
    LockRegion region = covering(slot);
    return region == null || region.held() ? region : null;
  }

  /** The held lock region covering a slot that allows stores to it (not a read lock). */
  public @Nullable LockRegion writeLockCovering(@Nullable SlotKey slot) {
    LockRegion region = lockCovering(slot);
    return region == null || region.mode() == LockRegion.Mode.EXCLUSIVE ? region : null;
  }

  /** The optimistic read window ({@code tryOptimisticRead()}) covering a slot, if any. */
  public @Nullable LockRegion optimisticWindow(@Nullable SlotKey slot) {
    LockRegion region = covering(slot);
    return region == null || region.held() ? null : region;
  }

  /** Whether some lock that allows stores is held (for stores whose slot has no path). */
  public boolean holdsWriteLock() {
    for (LockRegion region : locks.values()) {
      if (region.mode() == LockRegion.Mode.EXCLUSIVE) {
        return true;
      }
    }
    return false;
  }

  private @Nullable LockRegion covering(@Nullable SlotKey slot) {
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
    return new SlotStore(
        value.isNothing() ? locals.minus(variable) : locals.plus(variable, value),
        snaps,
        reads,
        locks, owned);
  }

  public SlotStore withSnap(SnapId id, SnapState state) {
    return new SlotStore(locals, snaps.plus(id, state), reads, locks, owned);
  }

  public SlotStore withRead(SlotKey slot, ReadRecord record) {
    return new SlotStore(locals, snaps, reads.plus(slot, record), locks, owned);
  }

  public SlotStore withLock(LockRegion region) {
    return new SlotStore(locals, snaps, reads, locks.plus(region.slot(), region), owned);
  }

  public SlotStore withoutLock(SlotKey slot) {
    return new SlotStore(locals, snaps, reads, remove(locks, k -> k.equals(slot)), owned);
  }

  public SlotStore withoutLocks(Predicate<LockRegion> drop) {
    return new SlotStore(
        locals,
        snaps,
        reads,
        remove(locks, k -> drop.test(Objects.requireNonNull(locks.get(k)))),
        owned);
  }

  public SlotStore withoutReads(Predicate<SlotKey> drop) {
    return new SlotStore(locals, snaps, remove(reads, drop), locks, owned);
  }

  public SlotStore withoutReadsIn(ImmutableSet<Long> blocks) {
    return new SlotStore(
        locals,
        snaps,
        remove(reads, k -> !java.util.Collections.disjoint(reads.get(k).blocks(), blocks)),
        locks, owned);
  }

  /**
   * Forgets the mismatched snapshots among {@code old} (a local's value before reassignment) that
   * no local holds any more: they can no longer be acted on, and a path that replaced them (a
   * failed {@code validate} followed by a locked re-read) must not pass its mismatch on to the
   * other path's snapshot at the join.
   */
  @SuppressWarnings("ReferenceEquality") // unchanged map: the same object
  public SlotStore withoutUnheldMismatches(SlotValue old) {
    OrderedPMap<SnapId, SnapState> kept = snaps;
    for (SnapId s : old.snaps()) {
      SnapState state = snaps.get(s);
      if (state != null && state.mismatched() && !held(s)) {
        kept = kept.minus(s);
      }
    }
    return kept == snaps ? this : new SlotStore(locals, kept, reads, locks, owned);
  }

  private boolean held(SnapId snap) {
    for (SlotValue value : locals.values()) {
      if (value.snaps().contains(snap)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Forgets every read and lock whose slot path goes through the reassigned variable, and the
   * paths temporaries hold through it.
   */
  public SlotStore reassigned(VarSymbol variable) {
    OrderedPMap<VarSymbol, SlotValue> newLocals = locals;
    for (Map.Entry<VarSymbol, SlotValue> e : locals.entrySet()) {
      AccessPath p = e.getValue().path();
      if (p != null && p.mentions(variable)) {
        SlotValue v = e.getValue().withPath(null);
        newLocals = v.isNothing() ? newLocals.minus(e.getKey()) : newLocals.plus(e.getKey(), v);
      }
    }
    return new SlotStore(
        newLocals,
        snaps,
        remove(reads, k -> k.mentions(variable)),
        // Storing into a slot field does not release the slot's own lock; it moves what is
        // reached through the field.
        remove(locks, k -> k.mentions(variable) && !endsAt(k, variable)),
        owned.reassigned(variable));
  }

  private static boolean endsAt(SlotKey key, VarSymbol field) {
    List<AccessPath.Step> steps = key.path().steps();
    return !steps.isEmpty()
        && steps.get(steps.size() - 1) instanceof AccessPath.Field f
        && f.field().equals(field);
  }

  /**
   * A reassigned local whose old value a temporary keeps ({@code i++} as an argument): every
   * path through the local is renamed to the old value's path instead of forgotten, so a lock
   * taken for {@code tab[i]} still covers the store to {@code tab[old i]}.
   */
  public SlotStore rebased(VarSymbol variable, AccessPath oldValue) {
    OrderedPMap<VarSymbol, SlotValue> newLocals = locals;
    for (Map.Entry<VarSymbol, SlotValue> e : locals.entrySet()) {
      AccessPath p = e.getValue().path();
      if (p != null && p.mentions(variable)) {
        newLocals =
            newLocals.plus(e.getKey(), e.getValue().withPath(p.substitute(variable, oldValue)));
      }
    }
    OrderedPMap<SnapId, SnapState> newSnaps = snaps;
    for (Map.Entry<SnapId, SnapState> e : snaps.entrySet()) {
      SlotKey k = e.getValue().slot();
      if (k != null && k.mentions(variable)) {
        newSnaps =
            newSnaps.plus(e.getKey(), e.getValue().withSlot(k.substitute(variable, oldValue)));
      }
    }
    OrderedPMap<SlotKey, ReadRecord> newReads = OrderedPMap.empty();
    for (Map.Entry<SlotKey, ReadRecord> e : reads.entrySet()) {
      newReads = newReads.plus(e.getKey().substitute(variable, oldValue), e.getValue());
    }
    OrderedPMap<SlotKey, LockRegion> newLocks = OrderedPMap.empty();
    for (Map.Entry<SlotKey, LockRegion> e : locks.entrySet()) {
      SlotKey k = e.getKey().substitute(variable, oldValue);
      newLocks = newLocks.plus(k, e.getValue().withSlot(k));
    }
    return new SlotStore(
        newLocals, newSnaps, newReads, newLocks, owned.rebased(variable, oldValue));
  }

  /** The temporary of the CFG that holds a local's current value, if one does. */
  public @Nullable VarSymbol keeperOf(VarSymbol variable) {
    AccessPath current = AccessPath.of(new AccessPath.Local(variable));
    for (Map.Entry<VarSymbol, SlotValue> e : locals.entrySet()) {
      if (AccessPath.isSynthetic(e.getKey()) && current.equals(e.getValue().path())) {
        return e.getKey();
      }
    }
    return null;
  }

  private static <K, V> OrderedPMap<K, V> remove(OrderedPMap<K, V> map, Predicate<K> drop) {
    List<K> dropped = null;
    for (K k : map.keySet()) {
      if (drop.test(k)) {
        if (dropped == null) {
          dropped = new ArrayList<>();
        }
        dropped.add(k);
      }
    }
    return dropped == null ? map : map.minusAll(dropped);
  }

  @Override
  public SlotStore copy() {
    return this;
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // identity first: joins mostly meet the same objects
  public SlotStore leastUpperBound(SlotStore other) {
    OrderedPMap<VarSymbol, SlotValue> mergedLocals =
        union(locals, other.locals, SlotValue::leastUpperBound);
    OrderedPMap<SnapId, SnapState> mergedSnaps = union(snaps, other.snaps, SnapState::merge);
    OrderedPMap<SlotKey, ReadRecord> mergedReads = union(reads, other.reads, ReadRecord::merge);
    OrderedPMap<SlotKey, LockRegion> mergedLocks = intersection(locks, other.locks);
    Owned mergedOwned = owned.merge(other.owned);
    if (mergedLocals == locals
        && mergedSnaps == snaps
        && mergedReads == reads
        && mergedLocks == locks
        && mergedOwned == owned) {
      return this;
    }
    return new SlotStore(mergedLocals, mergedSnaps, mergedReads, mergedLocks, mergedOwned);
  }

  /**
   * Every key of either map; a key in both gets {@code mine.merge(theirs)}. Returns {@code mine}
   * itself when the join adds nothing to it. At a join point the two incoming stores mostly hold
   * the same entries (often the same objects), so only the entries that differ are merged.
   */
  @SuppressWarnings("ReferenceEquality") // identity first, equals after
  private static <K, V> OrderedPMap<K, V> union(
      OrderedPMap<K, V> mine, OrderedPMap<K, V> theirs, BinaryOperator<V> merge) {
    if (mine == theirs || theirs.isEmpty()) {
      return mine;
    }
    if (mine.isEmpty()) {
      return theirs;
    }
    OrderedPMap<K, V> out = mine;
    for (Map.Entry<K, V> e : theirs.entrySet()) {
      V a = mine.get(e.getKey());
      V b = e.getValue();
      if (a == null) {
        out = out.plus(e.getKey(), b);
      } else if (a != b && !a.equals(b)) {
        V m = merge.apply(a, b);
        if (!m.equals(a)) {
          out = out.plus(e.getKey(), m);
        }
      }
    }
    return out;
  }

  /**
   * The keys held in both maps, each with {@code mine.merge(theirs)}: a lock held on every path.
   */
  @SuppressWarnings("ReferenceEquality") // identity first, equals after
  private static OrderedPMap<SlotKey, LockRegion> intersection(
      OrderedPMap<SlotKey, LockRegion> mine, OrderedPMap<SlotKey, LockRegion> theirs) {
    if (mine == theirs || mine.isEmpty()) {
      return mine;
    }
    OrderedPMap<SlotKey, LockRegion> out = mine;
    for (Map.Entry<SlotKey, LockRegion> e : mine.entrySet()) {
      LockRegion other = theirs.get(e.getKey());
      LockRegion v = e.getValue();
      if (other == null) {
        out = out.minus(e.getKey());
      } else if (v != other && !v.equals(other)) {
        LockRegion m = v.merge(other);
        if (!m.equals(v)) {
          out = out.plus(e.getKey(), m);
        }
      }
    }
    return out;
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
        && locks.equals(s.locks)
        && owned.equals(s.owned);
  }

  @Override
  public int hashCode() {
    return Objects.hash(locals, snaps, reads, locks, owned);
  }

  @Override
  public String toString() {
    return "SlotStore{locals=" + locals + ", snaps=" + snaps + ", reads=" + reads + ", locks="
        + locks + ", owned=" + owned + "}";
  }
}

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
          SharedMap.empty(),
          LocalIndex.EMPTY,
          SharedMap.empty(),
          SharedMap.empty(),
          SharedMap.empty(),
          SharedMap.empty(),
          Owned.NOTHING);

  // Persistent maps in insertion order (iteration order decides which name a message uses, so it
  // must not depend on hash codes) that share structure: an update costs O(log n), and a join or
  // a comparison of two stores derived from one costs what differs between them, which kept the
  // analysis of a long method from growing with the square of its length.
  private final SharedMap<VarSymbol, SlotValue> locals;
  /** Which snapshots locals hold, and which temporaries keep a local: derived from locals. */
  private final LocalIndex index;
  private final SharedMap<SnapId, SnapState> snaps;
  private final SharedMap<SlotKey, ReadRecord> reads;
  /** Per variable, how many read slots' paths mention it ({@link Mentions}): derived from reads. */
  private final SharedMap<VarSymbol, Integer> readMentions;
  private final SharedMap<SlotKey, LockRegion> locks;
  private final Owned owned;

  private SlotStore(
      SharedMap<VarSymbol, SlotValue> locals,
      LocalIndex index,
      SharedMap<SnapId, SnapState> snaps,
      SharedMap<SlotKey, ReadRecord> reads,
      SharedMap<VarSymbol, Integer> readMentions,
      SharedMap<SlotKey, LockRegion> locks,
      Owned owned) {
    this.locals = locals;
    this.index = index;
    this.snaps = snaps;
    this.reads = reads;
    this.readMentions = readMentions;
    this.locks = locks;
    this.owned = owned;
  }

  /** What this thread owns here: unpublished objects, claimed slots, unnamed locks. */
  public Owned owned() {
    return owned;
  }

  public SlotStore withOwned(Owned o) {
    return o.equals(owned)
        ? this
        : new SlotStore(locals, index, snaps, reads, readMentions, locks, o);
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
        index.replaced(variable, locals.get(variable), value, null),
        snaps,
        reads,
        readMentions,
        locks,
        owned);
  }

  public SlotStore withSnap(SnapId id, SnapState state) {
    return new SlotStore(
        locals, index, snaps.plus(id, state), reads, readMentions, locks, owned);
  }

  public SlotStore withRead(SlotKey slot, ReadRecord record) {
    SharedMap<VarSymbol, Integer> mentions =
        reads.containsKey(slot) ? readMentions : Mentions.counted(readMentions, slot.path(), +1);
    return new SlotStore(locals, index, snaps, reads.plus(slot, record), mentions, locks, owned);
  }

  public SlotStore withLock(LockRegion region) {
    return new SlotStore(
        locals, index, snaps, reads, readMentions, locks.plus(region.slot(), region), owned);
  }

  public SlotStore withoutLock(SlotKey slot) {
    return new SlotStore(
        locals, index, snaps, reads, readMentions, remove(locks, k -> k.equals(slot)), owned);
  }

  public SlotStore withoutLocks(Predicate<LockRegion> drop) {
    return new SlotStore(
        locals,
        index,
        snaps,
        reads,
        readMentions,
        remove(locks, k -> drop.test(Objects.requireNonNull(locks.get(k)))),
        owned);
  }

  public SlotStore withoutReads(Predicate<SlotKey> drop) {
    List<SlotKey> dropped = new ArrayList<>();
    SharedMap<SlotKey, ReadRecord> newReads = reads.minusKeys(drop, dropped::add);
    if (dropped.isEmpty()) {
      return this;
    }
    SharedMap<VarSymbol, Integer> mentions = readMentions;
    for (SlotKey k : dropped) {
      mentions = Mentions.counted(mentions, k.path(), -1);
    }
    return new SlotStore(locals, index, snaps, newReads, mentions, locks, owned);
  }

  public SlotStore withoutReadsIn(ImmutableSet<Long> blocks) {
    return withoutReads(k -> !java.util.Collections.disjoint(reads.get(k).blocks(), blocks));
  }

  /** The counts of the variables read slots mention, for the test that checks them. */
  SharedMap<VarSymbol, Integer> readMentions() {
    return readMentions;
  }

  /**
   * Forgets the mismatched snapshots among {@code old} (a local's value before reassignment) that
   * no local holds any more: they can no longer be acted on, and a path that replaced them (a
   * failed {@code validate} followed by a locked re-read) must not pass its mismatch on to the
   * other path's snapshot at the join.
   */
  @SuppressWarnings("ReferenceEquality") // unchanged map: the same object
  public SlotStore withoutUnheldMismatches(SlotValue old) {
    SharedMap<SnapId, SnapState> kept = snaps;
    for (SnapId s : old.snaps()) {
      SnapState state = snaps.get(s);
      if (state != null && state.mismatched() && !held(s)) {
        kept = kept.minus(s);
      }
    }
    return kept == snaps
        ? this
        : new SlotStore(locals, index, kept, reads, readMentions, locks, owned);
  }

  private boolean held(SnapId snap) {
    return index.holders().containsKey(snap);
  }

  /**
   * {@code withLocal(variable, value).withoutUnheldMismatches(old)}, where {@code old} holds the
   * snapshots the local holds here, at the cost of what the assignment changes: the snapshots no
   * local holds any more are those whose count the assignment took to zero.
   */
  public SlotStore withLocalForgettingUnheldMismatches(
      VarSymbol variable, SlotValue value, SlotValue old) {
    List<SnapId> unheld = new ArrayList<>();
    LocalIndex newIndex = index.replaced(variable, locals.get(variable), value, unheld);
    SharedMap<SnapId, SnapState> kept = snaps;
    for (SnapId s : unheld) {
      SnapState state = snaps.get(s);
      if (state != null && state.mismatched() && old.snaps().contains(s)) {
        kept = kept.minus(s);
      }
    }
    return new SlotStore(
        value.isNothing() ? locals.minus(variable) : locals.plus(variable, value),
        newIndex,
        kept,
        reads,
        readMentions,
        locks,
        owned);
  }

  /** The index of the locals, for the test that checks it against the locals. */
  LocalIndex index() {
    return index;
  }

  /**
   * Forgets every read and lock whose slot path goes through the reassigned variable, and the
   * paths temporaries hold through it.
   */
  @SuppressWarnings("ReferenceEquality") // unchanged parts: the same objects
  public SlotStore reassigned(VarSymbol variable) {
    SharedMap<VarSymbol, SlotValue> newLocals = locals;
    LocalIndex newIndex = index;
    // Only entries through the variable change, and a key keeps its place when its value is
    // replaced, so the order of this walk does not matter. The indexes say whether there are any.
    boolean throughLocals = index.mentions().containsKey(variable);
    for (Map.Entry<VarSymbol, SlotValue> e :
        throughLocals ? locals.unorderedEntries() : List.<Map.Entry<VarSymbol, SlotValue>>of()) {
      AccessPath p = e.getValue().path();
      if (p != null && p.mentions(variable)) {
        SlotValue v = e.getValue().withPath(null);
        newLocals = v.isNothing() ? newLocals.minus(e.getKey()) : newLocals.plus(e.getKey(), v);
        newIndex = newIndex.replaced(e.getKey(), e.getValue(), v, null);
      }
    }
    SlotStore readsDropped =
        readMentions.containsKey(variable) ? withoutReads(k -> k.mentions(variable)) : this;
    // Storing into a slot field does not release the slot's own lock; it moves what is reached
    // through the field.
    SharedMap<SlotKey, LockRegion> newLocks =
        remove(locks, k -> k.mentions(variable) && !endsAt(k, variable));
    Owned newOwned = owned.reassigned(variable);
    if (newLocals == locals
        && readsDropped == this
        && newLocks == locks
        && newOwned == owned) {
      return this;
    }
    return new SlotStore(
        newLocals,
        newIndex,
        snaps,
        readsDropped.reads,
        readsDropped.readMentions,
        newLocks,
        newOwned);
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
    SharedMap<VarSymbol, SlotValue> newLocals = locals;
    LocalIndex newIndex = index;
    for (Map.Entry<VarSymbol, SlotValue> e : locals.unorderedEntries()) {
      AccessPath p = e.getValue().path();
      if (p != null && p.mentions(variable)) {
        SlotValue v = e.getValue().withPath(p.substitute(variable, oldValue));
        newLocals = newLocals.plus(e.getKey(), v);
        newIndex = newIndex.replaced(e.getKey(), e.getValue(), v, null);
      }
    }
    SharedMap<SnapId, SnapState> newSnaps = snaps;
    for (Map.Entry<SnapId, SnapState> e : snaps.unorderedEntries()) {
      SlotKey k = e.getValue().slot();
      if (k != null && k.mentions(variable)) {
        newSnaps =
            newSnaps.plus(e.getKey(), e.getValue().withSlot(k.substitute(variable, oldValue)));
      }
    }
    SharedMap<SlotKey, ReadRecord> newReads = SharedMap.empty();
    for (Map.Entry<SlotKey, ReadRecord> e : reads.entrySet()) {
      newReads = newReads.plus(e.getKey().substitute(variable, oldValue), e.getValue());
    }
    SharedMap<SlotKey, LockRegion> newLocks = SharedMap.empty();
    for (Map.Entry<SlotKey, LockRegion> e : locks.entrySet()) {
      SlotKey k = e.getKey().substitute(variable, oldValue);
      newLocks = newLocks.plus(k, e.getValue().withSlot(k));
    }
    return new SlotStore(
        newLocals,
        newIndex,
        newSnaps,
        newReads,
        Mentions.of(newReads.keySet().stream().map(SlotKey::path).toList()),
        newLocks,
        owned.rebased(variable, oldValue));
  }

  /** The temporary of the CFG that holds a local's current value, if one does. */
  public @Nullable VarSymbol keeperOf(VarSymbol variable) {
    if (!index.keepers().containsKey(variable)) {
      return null;
    }
    AccessPath current = AccessPath.of(new AccessPath.Local(variable));
    // The path first: it rules out nearly every local, and the name test decodes a name.
    return locals.firstKeyMatching(
        (local, value) -> current.equals(value.path()) && AccessPath.isSynthetic(local));
  }

  private static <K, V> SharedMap<K, V> remove(SharedMap<K, V> map, Predicate<K> drop) {
    return map.minusKeys(drop);
  }

  @Override
  public SlotStore copy() {
    return this;
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // identity first: joins mostly meet the same objects
  public SlotStore leastUpperBound(SlotStore other) {
    SharedMap<VarSymbol, SlotValue> mergedLocals;
    LocalIndex mergedIndex;
    if (locals.isEmpty()) {
      mergedLocals = other.locals;
      mergedIndex = other.index;
    } else {
      // The index follows the entries the union changes, not the whole map.
      LocalIndex.Tracker tracker = new LocalIndex.Tracker(index);
      mergedLocals = locals.union(other.locals, SlotValue::leastUpperBound, tracker);
      mergedIndex = tracker.index();
    }
    SharedMap<SnapId, SnapState> mergedSnaps = union(snaps, other.snaps, SnapState::merge);
    SharedMap<SlotKey, ReadRecord> mergedReads;
    SharedMap<VarSymbol, Integer> mergedReadMentions;
    if (reads.isEmpty()) {
      mergedReads = other.reads;
      mergedReadMentions = other.readMentions;
    } else {
      // Only the keys the union adds change the counts (a merged record keeps its key).
      Mentions.Tracker<ReadRecord> tracker = new Mentions.Tracker<>(readMentions);
      mergedReads = reads.union(other.reads, ReadRecord::merge, tracker);
      mergedReadMentions = tracker.counts();
    }
    SharedMap<SlotKey, LockRegion> mergedLocks = intersection(locks, other.locks);
    Owned mergedOwned = owned.merge(other.owned);
    if (mergedLocals == locals
        && mergedSnaps == snaps
        && mergedReads == reads
        && mergedReadMentions == readMentions
        && mergedLocks == locks
        && mergedOwned == owned) {
      return this;
    }
    return new SlotStore(
        mergedLocals,
        mergedIndex,
        mergedSnaps,
        mergedReads,
        mergedReadMentions,
        mergedLocks,
        mergedOwned);
  }

  /**
   * Every key of either map; a key in both gets {@code mine.merge(theirs)}. Returns {@code mine}
   * itself when the join adds nothing to it. At a join point the two incoming stores mostly hold
   * the same entries (the same objects, in subtrees both maps share), so only the entries that
   * differ are visited.
   */
  private static <K, V> SharedMap<K, V> union(
      SharedMap<K, V> mine, SharedMap<K, V> theirs, BinaryOperator<V> merge) {
    return mine.union(theirs, merge);
  }

  /**
   * The keys held in both maps, each with {@code mine.merge(theirs)}: a lock held on every path.
   */
  @SuppressWarnings("ReferenceEquality") // identity first, equals after
  private static SharedMap<SlotKey, LockRegion> intersection(
      SharedMap<SlotKey, LockRegion> mine, SharedMap<SlotKey, LockRegion> theirs) {
    if (mine == theirs || mine.isEmpty()) {
      return mine;
    }
    SharedMap<SlotKey, LockRegion> out = mine;
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
    return o == this
        || (o instanceof SlotStore s
            && locals.equals(s.locals)
            && snaps.equals(s.snaps)
            && reads.equals(s.reads)
            && locks.equals(s.locks)
            && owned.equals(s.owned));
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

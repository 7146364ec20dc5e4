package dev.readonce.checker.dataflow;

import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.pcollections.OrderedPMap;

/**
 * What this thread owns at a program point, the part of the {@link SlotStore} that {@link
 * Ownership} maintains. Every component is "must": a join keeps an entry only if both paths have
 * it, since owning something on one path only is not owning it.
 *
 * @param fresh the locals holding an object or array created in this method and not published
 *     since, each mapped to its creation site (aliases share one site, and publishing one publishes
 *     all)
 * @param claims the slots this thread claimed by a successful compare-and-set to a constant (a spin
 *     lock such as {@code cellsBusy}), each with the line of the claim; a claim ends when the
 *     thread writes the slot again (the release)
 * @param anonymousLocks {@code Lock}s held that guard no declared slot ({@code lock.lock()} on a
 *     lock no declaration names), each with the line where it was taken and whether it is a read
 *     lock; audit mode counts them (a read lock for reads only)
 */
public record Owned(
    OrderedPMap<VarSymbol, Tree> fresh,
    OrderedPMap<SlotKey, Integer> claims,
    OrderedPMap<AccessPath, HeldLock> anonymousLocks) {

  public static final Owned NOTHING =
      new Owned(OrderedPMap.empty(), OrderedPMap.empty(), OrderedPMap.empty());

  public boolean isEmpty() {
    return fresh.isEmpty() && claims.isEmpty() && anonymousLocks.isEmpty();
  }

  public @Nullable Tree creation(VarSymbol local) {
    return fresh.get(local);
  }

  public Owned withFresh(VarSymbol local, Tree creation) {
    return new Owned(fresh.plus(local, creation), claims, anonymousLocks);
  }

  /** Forgets that the local holds a fresh object (it was reassigned). */
  public Owned withoutFresh(VarSymbol local) {
    return fresh.containsKey(local) ? new Owned(fresh.minus(local), claims, anonymousLocks) : this;
  }

  /** Publishes the object created at {@code creation}: no local holds it as fresh any more. */
  public Owned published(Tree creation) {
    OrderedPMap<VarSymbol, Tree> out = fresh;
    for (Map.Entry<VarSymbol, Tree> e : fresh.entrySet()) {
      if (e.getValue() == creation) {
        out = out.minus(e.getKey());
      }
    }
    // Entries are only removed: the same size means none was.
    return out.size() == fresh.size() ? this : new Owned(out, claims, anonymousLocks);
  }

  public Owned withClaim(SlotKey slot, int line) {
    return new Owned(fresh, claims.plus(slot, line), anonymousLocks);
  }

  public Owned withoutClaim(SlotKey slot) {
    return claims.containsKey(slot) ? new Owned(fresh, claims.minus(slot), anonymousLocks) : this;
  }

  public Owned withAnonymousLock(AccessPath lock, int line, boolean shared) {
    HeldLock held = anonymousLocks.get(lock);
    if (held != null && !held.shared()) {
      return this; // a read lock taken under the write lock (a downgrade): still the write lock
    }
    return new Owned(fresh, claims, anonymousLocks.plus(lock, new HeldLock(line, shared)));
  }

  /** Whether an anonymous lock that allows stores (not a read lock) is held. */
  public boolean holdsAnonymousWriteLock() {
    return anonymousLocks.values().stream().anyMatch(l -> !l.shared());
  }

  /**
   * A held anonymous lock: the line where it was taken, and whether it is a read lock (which
   * excludes writers, so reads under it are stable, but allows no stores).
   */
  public record HeldLock(int line, boolean shared) {
    /** Held on both paths: the earlier line, and a read lock if either path holds only that. */
    HeldLock merge(HeldLock other) {
      return new HeldLock(Math.min(line, other.line), shared || other.shared);
    }
  }

  public Owned withoutAnonymousLock(AccessPath lock) {
    return anonymousLocks.containsKey(lock)
        ? new Owned(fresh, claims, anonymousLocks.minus(lock))
        : this;
  }

  /** Forgets what a reassigned local invalidates: claims and locks named through it. */
  public Owned reassigned(VarSymbol variable) {
    OrderedPMap<SlotKey, Integer> c = drop(claims, k -> k.mentions(variable));
    OrderedPMap<AccessPath, HeldLock> l = drop(anonymousLocks, k -> k.mentions(variable));
    // drop only removes entries: the same sizes mean it removed none.
    return c.size() == claims.size() && l.size() == anonymousLocks.size()
        ? this
        : new Owned(fresh, c, l);
  }

  /**
   * A reassigned local whose old value a CFG temporary keeps ({@link SlotStore#rebased}): claims
   * and locks named through it are renamed to the old value's path.
   */
  public Owned rebased(VarSymbol variable, AccessPath oldValue) {
    OrderedPMap<SlotKey, Integer> c = OrderedPMap.empty();
    for (Map.Entry<SlotKey, Integer> e : claims.entrySet()) {
      c = c.plus(e.getKey().substitute(variable, oldValue), e.getValue());
    }
    OrderedPMap<AccessPath, HeldLock> l = OrderedPMap.empty();
    for (Map.Entry<AccessPath, HeldLock> e : anonymousLocks.entrySet()) {
      l = l.plus(e.getKey().substitute(variable, oldValue), e.getValue());
    }
    return new Owned(fresh, c, l);
  }

  /** Owned on both paths. */
  @SuppressWarnings("ReferenceEquality") // identity first: joins mostly meet the same objects
  public Owned merge(Owned other) {
    if (this == other) {
      return this;
    }
    // A local is fresh on both paths only if it holds the same creation site on both.
    OrderedPMap<VarSymbol, Tree> f = intersect(fresh, other.fresh, (a, b) -> a == b ? a : null);
    OrderedPMap<SlotKey, Integer> c = intersect(claims, other.claims, Math::min);
    OrderedPMap<AccessPath, HeldLock> l =
        intersect(anonymousLocks, other.anonymousLocks, HeldLock::merge);
    return f == fresh && c == claims && l == anonymousLocks ? this : new Owned(f, c, l);
  }

  /**
   * The keys of {@code mine} that {@code theirs} has too, with {@code merge} of both values; a null
   * merge drops the key.
   */
  @SuppressWarnings("ReferenceEquality")
  private static <K, V> OrderedPMap<K, V> intersect(
      OrderedPMap<K, V> mine, OrderedPMap<K, V> theirs, BinaryOperator<@Nullable V> merge) {
    if (mine == theirs || mine.isEmpty()) {
      return mine;
    }
    OrderedPMap<K, V> out = mine;
    for (Map.Entry<K, V> e : mine.entrySet()) {
      V v = theirs.get(e.getKey());
      V m = v == null ? null : merge.apply(e.getValue(), v);
      if (m == null) {
        out = out.minus(e.getKey());
      } else if (m != e.getValue() && !m.equals(e.getValue())) {
        out = out.plus(e.getKey(), m);
      }
    }
    return out;
  }

  private static <K, V> OrderedPMap<K, V> drop(OrderedPMap<K, V> map, Predicate<K> test) {
    OrderedPMap<K, V> out = map;
    for (K k : map.keySet()) {
      if (test.test(k)) {
        out = out.minus(k);
      }
    }
    return out;
  }

  // Written out (see SnapId): the record's generated equals/hashCode go through method handles,
  // slow before the JIT compiles them; hashCode is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof Owned w
            && Objects.equals(fresh, w.fresh)
            && Objects.equals(claims, w.claims)
            && Objects.equals(anonymousLocks, w.anonymousLocks));
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(fresh);
    h = 31 * h + Objects.hashCode(claims);
    h = 31 * h + Objects.hashCode(anonymousLocks);
    return h;
  }
}

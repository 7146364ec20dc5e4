package dev.readonce.checker.dataflow;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map in insertion order whose updates share structure, so that a join or a
 * comparison of two maps derived from one costs what differs between them, not their size.
 *
 * <p>A hash trie (32 ways per level) whose shape depends only on the set of keys: two maps that
 * share a subtree hold the same entries under it, so {@link #union} and {@link #equals} skip a
 * subtree both hold by identity. Iteration follows insertion order, as {@code LinkedHashMap} and
 * pcollections' {@code OrderedPMap} do (a key keeps its place when its value is replaced; the
 * keys a union adds come after the receiver's, in the other map's order): messages name the first
 * local found, which must not depend on hash codes. Each entry carries its insertion number, and
 * the ordered entries are computed on the first ordered iteration of a map and kept.
 */
public final class SharedMap<K, V> extends AbstractMap<K, V> {

  private static final SharedMap<Object, Object> EMPTY = new SharedMap<>(null, 0, 0);

  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;

  /** The trie: null when empty, else a {@link Branch}. */
  private final @Nullable Branch root;

  private final int size;
  /** The insertion number the next new key gets: above every entry's. */
  private final long nextSeq;

  /**
   * The entries in insertion order, computed on demand (the map itself never changes; a map is
   * used by the one thread that analyzes its method).
   */
  private @Nullable Leaf @Nullable [] ordered;

  private SharedMap(@Nullable Branch root, int size, long nextSeq) {
    this.root = root;
    this.size = size;
    this.nextSeq = nextSeq;
  }

  @SuppressWarnings("unchecked") // the empty map holds no K or V
  public static <K, V> SharedMap<K, V> empty() {
    return (SharedMap<K, V>) EMPTY;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable V get(@Nullable Object key) {
    Leaf leaf = find(root, key, hash(key), 0);
    return leaf == null ? null : (V) leaf.value;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V getOrDefault(@Nullable Object key, V defaultValue) {
    Leaf leaf = find(root, key, hash(key), 0);
    return leaf == null ? defaultValue : (V) leaf.value;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return find(root, key, hash(key), 0) != null;
  }

  /** This map with {@code key} mapped to {@code value}; a key already present keeps its place. */
  @SuppressWarnings("ReferenceEquality") // the same value: nothing to change
  public SharedMap<K, V> plus(K key, V value) {
    int h = hash(key);
    Leaf old = find(root, key, h, 0);
    if (old != null) {
      if (old.value == value) {
        return this;
      }
      return new SharedMap<>(
          (Branch) put(root, new Leaf(key, value, old.seq, h), 0), size, nextSeq);
    }
    return new SharedMap<>(
        (Branch) put(root, new Leaf(key, value, nextSeq, h), 0), size + 1, nextSeq + 1);
  }

  /** This map without {@code key}. */
  public SharedMap<K, V> minus(@Nullable Object key) {
    int h = hash(key);
    if (find(root, key, h, 0) == null) {
      return this;
    }
    if (size == 1) {
      return empty();
    }
    Object out = remove(root, key, h, 0);
    return new SharedMap<>(asRoot(out), size - 1, nextSeq);
  }

  /** This map without the keys {@code drop} accepts. */
  public SharedMap<K, V> minusKeys(Predicate<? super K> drop) {
    return minusKeys(drop, k -> {});
  }

  /** This map without the keys {@code drop} accepts; each is also handed to {@code dropped}. */
  public SharedMap<K, V> minusKeys(
      Predicate<? super K> drop, java.util.function.Consumer<? super K> dropped) {
    List<K> keys = new ArrayList<>();
    forEachLeaf(root, leaf -> {
      if (drop.test(keyOf(leaf))) {
        keys.add(keyOf(leaf));
      }
      return false;
    });
    SharedMap<K, V> out = this;
    for (K k : keys) {
      out = out.minus(k);
      dropped.accept(k);
    }
    return out;
  }

  /**
   * The entries in no particular order, without the cost of ordering them: for walks whose result
   * does not depend on the order.
   */
  public Iterable<Map.Entry<K, V>> unorderedEntries() {
    return () ->
        new Iterator<>() {
          // The path from the root to the next leaf: a branch or collision and the index of its
          // next child at each depth.
          private final Object[] nodes = new Object[9];
          private final int[] next = new int[9];
          private int depth = root == null ? -1 : 0;
          private @Nullable Leaf pending;

          {
            nodes[0] = root;
            advance();
          }

          private void advance() {
            pending = null;
            while (depth >= 0) {
              Object node = nodes[depth];
              Object[] children =
                  node instanceof Branch b ? b.slots : ((Collision) node).leaves;
              if (next[depth] >= children.length) {
                depth--;
                continue;
              }
              Object child = children[next[depth]++];
              if (child instanceof Leaf l) {
                pending = l;
                return;
              }
              depth++;
              nodes[depth] = child;
              next[depth] = 0;
            }
          }

          @Override
          public boolean hasNext() {
            return pending != null;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<K, V> next() {
            Leaf l = pending;
            if (l == null) {
              throw new NoSuchElementException();
            }
            advance();
            return (Map.Entry<K, V>) (Map.Entry<?, ?>) l;
          }
        };
  }

  /** Whether some entry satisfies {@code test}, in no particular order. */
  public boolean anyMatch(BiPredicate<? super K, ? super V> test) {
    return forEachLeaf(root, leaf -> test.test(keyOf(leaf), valueOf(leaf)));
  }

  /** The earliest inserted key whose entry satisfies {@code test}, if any. */
  public @Nullable K firstKeyMatching(BiPredicate<? super K, ? super V> test) {
    Leaf[] best = new Leaf[1];
    forEachLeaf(root, leaf -> {
      if ((best[0] == null || leaf.seq < best[0].seq) && test.test(keyOf(leaf), valueOf(leaf))) {
        best[0] = leaf;
      }
      return false;
    });
    return best[0] == null ? null : keyOf(best[0]);
  }

  /**
   * Every key of either map; a key in both gets {@code merge.apply(mine, theirs)} when the two
   * values differ and the merge changes this map's value. Returns this map itself when the union
   * adds nothing to it, and {@code other} when this map is empty. Subtrees both maps share are
   * skipped.
   */
  public SharedMap<K, V> union(SharedMap<K, V> other, BinaryOperator<V> merge) {
    return union(other, merge, null);
  }

  /** Told of each entry a union changes in the receiver ({@code before} null: an added key). */
  public interface Changes<K, V> {
    void changed(K key, @Nullable V before, V after);
  }

  /**
   * As {@link #union(SharedMap, BinaryOperator)}, telling {@code changes} (when not null) of every
   * entry of the result that differs from this map's, except when this map is empty and the
   * result is {@code other} itself.
   */
  // Identity: a shared subtree, an unchanged map; every leaf holds a K and a V.
  @SuppressWarnings({"ReferenceEquality", "unchecked"})
  public SharedMap<K, V> union(
      SharedMap<K, V> other, BinaryOperator<V> merge, @Nullable Changes<K, V> changes) {
    if (this == other || other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<Leaf> added = new ArrayList<>();
    Object merged =
        unionNode(root, other.root, 0, merge, added, (Changes<Object, Object>) changes);
    if (merged == root && added.isEmpty()) {
      return this;
    }
    SharedMap<K, V> out = new SharedMap<>((Branch) merged, size, nextSeq);
    if (!added.isEmpty()) {
      added.sort(Comparator.comparingLong(l -> l.seq));
      Object r = out.root;
      long seq = nextSeq;
      for (Leaf l : added) {
        r = put(r, new Leaf(l.key, l.value, seq++, l.hash), 0);
        if (changes != null) {
          changes.changed((K) l.key, null, (V) l.value);
        }
      }
      out = new SharedMap<>((Branch) r, size + added.size(), seq);
    }
    return out;
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // a shared subtree is equal to itself
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof SharedMap<?, ?> other) {
      return size == other.size && sameNode(root, other.root);
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        Leaf[] leaves = inOrder();
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < leaves.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<K, V> next() {
            if (next >= leaves.length) {
              throw new NoSuchElementException();
            }
            return (Map.Entry<K, V>) leaves[next++];
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  private Leaf[] inOrder() {
    Leaf[] out = ordered;
    if (out == null) {
      Leaf[] leaves = new Leaf[size];
      int[] n = {0};
      forEachLeaf(root, leaf -> {
        leaves[n[0]++] = leaf;
        return false;
      });
      Arrays.sort(leaves, Comparator.comparingLong(l -> l.seq));
      ordered = leaves;
      out = leaves;
    }
    return out;
  }

  @SuppressWarnings("unchecked") // every leaf of this map holds a K
  private K keyOf(Leaf leaf) {
    return (K) leaf.key;
  }

  @SuppressWarnings("unchecked") // every leaf of this map holds a V
  private V valueOf(Leaf leaf) {
    return (V) leaf.value;
  }

  // ---- the trie ----

  /** One entry, with its key's hash and its insertion number. */
  private static final class Leaf implements Map.Entry<Object, Object> {
    final Object key;
    final Object value;
    final long seq;
    final int hash;

    Leaf(Object key, Object value, long seq, int hash) {
      this.key = key;
      this.value = value;
      this.seq = seq;
      this.hash = hash;
    }

    @Override
    public Object getKey() {
      return key;
    }

    @Override
    public Object getValue() {
      return value;
    }

    @Override
    public Object setValue(Object v) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Map.Entry<?, ?> e
          && Objects.equals(key, e.getKey())
          && Objects.equals(value, e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(key) ^ Objects.hashCode(value);
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  /** Entries whose keys have one hash (all 32 bits): held as a list. */
  private static final class Collision {
    final int hash;
    final Leaf[] leaves;

    Collision(int hash, Leaf[] leaves) {
      this.hash = hash;
      this.leaves = leaves;
    }
  }

  /** A level of the trie: a 32-bit map of the occupied ways, and their nodes in way order. */
  private static final class Branch {
    final int bitmap;
    final Object[] slots; // Leaf, Collision or Branch

    Branch(int bitmap, Object[] slots) {
      this.bitmap = bitmap;
      this.slots = slots;
    }

    int index(int bit) {
      return Integer.bitCount(bitmap & (bit - 1));
    }
  }

  private static int hash(@Nullable Object key) {
    return key == null ? 0 : key.hashCode();
  }

  private static int bit(int hash, int shift) {
    return 1 << ((hash >>> shift) & MASK);
  }

  private static @Nullable Branch asRoot(@Nullable Object node) {
    if (node == null || node instanceof Branch) {
      return (Branch) node;
    }
    // A lone leaf or collision at the root level goes back under a branch.
    int h = node instanceof Leaf l ? l.hash : ((Collision) node).hash;
    return new Branch(bit(h, 0), new Object[] {node});
  }

  private static @Nullable Leaf find(@Nullable Object node, @Nullable Object key, int h, int shift) {
    while (node != null) {
      if (node instanceof Leaf l) {
        return l.hash == h && Objects.equals(l.key, key) ? l : null;
      }
      if (node instanceof Collision c) {
        if (c.hash != h) {
          return null;
        }
        for (Leaf l : c.leaves) {
          if (Objects.equals(l.key, key)) {
            return l;
          }
        }
        return null;
      }
      Branch b = (Branch) node;
      int bit = bit(h, shift);
      if ((b.bitmap & bit) == 0) {
        return null;
      }
      node = b.slots[b.index(bit)];
      shift += BITS;
    }
    return null;
  }

  /** The node with {@code leaf} put in (replacing an entry of its key). */
  private static Object put(@Nullable Object node, Leaf leaf, int shift) {
    if (node == null) {
      return shift == 0 ? new Branch(bit(leaf.hash, 0), new Object[] {leaf}) : leaf;
    }
    if (node instanceof Leaf l) {
      if (l.hash == leaf.hash && Objects.equals(l.key, leaf.key)) {
        return leaf;
      }
      return pair(l, l.hash, leaf, shift);
    }
    if (node instanceof Collision c) {
      if (c.hash != leaf.hash) {
        return pair(c, c.hash, leaf, shift);
      }
      for (int i = 0; i < c.leaves.length; i++) {
        if (Objects.equals(c.leaves[i].key, leaf.key)) {
          Leaf[] leaves = c.leaves.clone();
          leaves[i] = leaf;
          return new Collision(c.hash, leaves);
        }
      }
      Leaf[] leaves = Arrays.copyOf(c.leaves, c.leaves.length + 1);
      leaves[c.leaves.length] = leaf;
      return new Collision(c.hash, leaves);
    }
    Branch b = (Branch) node;
    int bit = bit(leaf.hash, shift);
    int i = b.index(bit);
    if ((b.bitmap & bit) == 0) {
      Object[] slots = new Object[b.slots.length + 1];
      System.arraycopy(b.slots, 0, slots, 0, i);
      slots[i] = leaf;
      System.arraycopy(b.slots, i, slots, i + 1, b.slots.length - i);
      return new Branch(b.bitmap | bit, slots);
    }
    Object[] slots = b.slots.clone();
    slots[i] = put(b.slots[i], leaf, shift + BITS);
    return new Branch(b.bitmap, slots);
  }

  /** A node holding {@code a} (a leaf or collision of hash {@code ha}) and a leaf of another key. */
  private static Object pair(Object a, int ha, Leaf b, int shift) {
    if (ha == b.hash) {
      // Only a leaf can meet a leaf of its own hash here (a collision of that hash took it).
      return new Collision(ha, new Leaf[] {(Leaf) a, b});
    }
    int ia = (ha >>> shift) & MASK;
    int ib = (b.hash >>> shift) & MASK;
    if (ia == ib) {
      return new Branch(1 << ia, new Object[] {pair(a, ha, b, shift + BITS)});
    }
    return new Branch(
        (1 << ia) | (1 << ib), ia < ib ? new Object[] {a, b} : new Object[] {b, a});
  }

  /**
   * The node without {@code key} (which it holds); below the root, a branch left with one leaf or
   * collision is replaced by it, so the shape stays a function of the keys.
   */
  private static @Nullable Object remove(Object node, @Nullable Object key, int h, int shift) {
    if (node instanceof Leaf) {
      return null;
    }
    if (node instanceof Collision c) {
      if (c.leaves.length == 2) {
        return Objects.equals(c.leaves[0].key, key) ? c.leaves[1] : c.leaves[0];
      }
      Leaf[] leaves = new Leaf[c.leaves.length - 1];
      int n = 0;
      for (Leaf l : c.leaves) {
        if (!Objects.equals(l.key, key)) {
          leaves[n++] = l;
        }
      }
      return new Collision(c.hash, leaves);
    }
    Branch b = (Branch) node;
    int bit = bit(h, shift);
    int i = b.index(bit);
    Object child = remove(b.slots[i], key, h, shift + BITS);
    if (child == null) {
      if (b.slots.length == 1) {
        return null;
      }
      Object[] slots = new Object[b.slots.length - 1];
      System.arraycopy(b.slots, 0, slots, 0, i);
      System.arraycopy(b.slots, i + 1, slots, i, b.slots.length - i - 1);
      if (shift > 0 && slots.length == 1 && !(slots[0] instanceof Branch)) {
        return slots[0];
      }
      return new Branch(b.bitmap & ~bit, slots);
    }
    if (shift > 0 && b.slots.length == 1 && !(child instanceof Branch)) {
      return child;
    }
    Object[] slots = b.slots.clone();
    slots[i] = child;
    return new Branch(b.bitmap, slots);
  }

  /** Visits every leaf under {@code node} until {@code visit} returns true; returns whether it did. */
  private static boolean forEachLeaf(@Nullable Object node, Predicate<Leaf> visit) {
    if (node == null) {
      return false;
    }
    if (node instanceof Leaf l) {
      return visit.test(l);
    }
    if (node instanceof Collision c) {
      for (Leaf l : c.leaves) {
        if (visit.test(l)) {
          return true;
        }
      }
      return false;
    }
    for (Object child : ((Branch) node).slots) {
      if (forEachLeaf(child, visit)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(Object node, List<Leaf> into) {
    forEachLeaf(node, leaf -> {
      into.add(leaf);
      return false;
    });
  }

  /** Whether two nodes hold the same entries (equal keys, equal values). */
  @SuppressWarnings("ReferenceEquality") // shared subtrees
  private static boolean sameNode(@Nullable Object a, @Nullable Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Leaf la) {
      return b instanceof Leaf lb
          && la.hash == lb.hash
          && Objects.equals(la.key, lb.key)
          && Objects.equals(la.value, lb.value);
    }
    if (a instanceof Collision ca) {
      if (!(b instanceof Collision cb) || ca.hash != cb.hash || ca.leaves.length != cb.leaves.length) {
        return false;
      }
      for (Leaf l : ca.leaves) {
        Leaf m = find(cb, l.key, l.hash, 0);
        if (m == null || !Objects.equals(l.value, m.value)) {
          return false;
        }
      }
      return true;
    }
    if (!(b instanceof Branch bb)) {
      return false;
    }
    Branch ba = (Branch) a;
    if (ba.bitmap != bb.bitmap) {
      return false;
    }
    for (int i = 0; i < ba.slots.length; i++) {
      if (!sameNode(ba.slots[i], bb.slots[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The union at one position of the trie: {@code a}'s entries, merged with {@code b}'s of the same
   * keys; {@code b}'s other entries are appended to {@code added} (in no order) instead of put in.
   * Returns {@code a} itself when nothing of it changed.
   */
  @SuppressWarnings({"ReferenceEquality", "unchecked"}) // shared subtrees; values are V
  private static <V> @Nullable Object unionNode(
      @Nullable Object a,
      @Nullable Object b,
      int shift,
      BinaryOperator<V> merge,
      List<Leaf> added,
      @Nullable Changes<Object, Object> changes) {
    if (a == b || b == null) {
      return a;
    }
    if (a == null) {
      collect(b, added);
      return null;
    }
    if (a instanceof Branch ba && b instanceof Branch bb) {
      Object[] slots = null;
      int bits = bb.bitmap;
      while (bits != 0) {
        int bit = Integer.lowestOneBit(bits);
        bits &= ~bit;
        Object theirs = bb.slots[bb.index(bit)];
        if ((ba.bitmap & bit) == 0) {
          collect(theirs, added);
          continue;
        }
        int i = ba.index(bit);
        Object mine = ba.slots[i];
        Object merged = unionNode(mine, theirs, shift + BITS, merge, added, changes);
        if (merged != mine) {
          if (slots == null) {
            slots = ba.slots.clone();
          }
          slots[i] = merged;
        }
      }
      return slots == null ? a : new Branch(ba.bitmap, slots);
    }
    // A leaf or collision on either side: few entries, merged one by one.
    Object[] out = {a};
    forEachLeaf(b, lb -> {
      Leaf la = find(a, lb.key, lb.hash, shift);
      if (la == null) {
        added.add(lb);
      } else if (la.value != lb.value && !la.value.equals(lb.value)) {
        V m = merge.apply((V) la.value, (V) lb.value);
        if (!m.equals(la.value)) {
          out[0] = put(out[0], new Leaf(la.key, m, la.seq, la.hash), shift);
          if (changes != null) {
            changes.changed(la.key, la.value, m);
          }
        }
      }
      return false;
    });
    return out[0];
  }
}

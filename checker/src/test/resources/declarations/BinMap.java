package fixture.chm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed-capacity concurrent hash map with the bin discipline of ConcurrentHashMap: readers take
 * a bin's head with an acquire read ({@code tabAt}); an empty bin is filled by compare-and-set;
 * any other change locks the head node, re-checks that the bin still holds it, and retries when
 * it does not. No resizing, no tree bins: only the shape the checker judges.
 *
 * <p>Carries no ReadOnce annotation: {@code binmap.decls} states its contracts.
 */
public final class BinMap<K, V> {

  /** A bin entry; {@code next} and {@code val} change only under the bin's head lock. */
  static final class Node<K, V> {
    final int hash;
    final K key;
    volatile V val;
    volatile Node<K, V> next;

    Node(int hash, K key, V val, Node<K, V> next) {
      this.hash = hash;
      this.key = key;
      this.val = val;
      this.next = next;
    }
  }

  private static final VarHandle BIN = MethodHandles.arrayElementVarHandle(Node[].class);

  private final Node<K, V>[] table;

  @SuppressWarnings("unchecked")
  public BinMap(int log2Capacity) {
    table = (Node<K, V>[]) new Node<?, ?>[1 << log2Capacity];
  }

  static int spread(int h) {
    return (h ^ (h >>> 16)) & 0x7fffffff;
  }

  @SuppressWarnings("unchecked")
  static <K, V> Node<K, V> tabAt(Node<K, V>[] tab, int i) {
    return (Node<K, V>) BIN.getAcquire(tab, i);
  }

  static <K, V> boolean casTabAt(Node<K, V>[] tab, int i, Node<K, V> expected, Node<K, V> value) {
    return BIN.compareAndSet(tab, i, expected, value);
  }

  static <K, V> void setTabAt(Node<K, V>[] tab, int i, Node<K, V> value) {
    BIN.setRelease(tab, i, value);
  }

  public V get(Object key) {
    int h = spread(key.hashCode());
    Node<K, V>[] tab = table;
    int i = (tab.length - 1) & h;
    for (Node<K, V> e = tabAt(tab, i); e != null; e = e.next) {
      if (e.hash == h && key.equals(e.key)) {
        return e.val;
      }
    }
    return null;
  }

  public V put(K key, V value) {
    return putVal(key, value, false);
  }

  public V putIfAbsent(K key, V value) {
    return putVal(key, value, true);
  }

  V putVal(K key, V value, boolean onlyIfAbsent) {
    int h = spread(key.hashCode());
    Node<K, V>[] tab = table;
    int i = (tab.length - 1) & h;
    for (;;) {
      Node<K, V> f = tabAt(tab, i);
      if (f == null) {
        if (casTabAt(tab, i, null, new Node<>(h, key, value, null))) {
          return null;
        }
        continue; // another thread filled the bin first: read it again
      }
      boolean done = false;
      V old = null;
      synchronized (f) {
        if (tabAt(tab, i) == f) {
          for (Node<K, V> e = f; ; e = e.next) {
            if (e.hash == h && key.equals(e.key)) {
              old = e.val;
              if (!onlyIfAbsent) {
                e.val = value;
              }
              break;
            }
            if (e.next == null) {
              e.next = new Node<>(h, key, value, null);
              break;
            }
          }
          done = true;
        }
      }
      if (done) {
        return old;
      }
      // The bin changed between the read and the lock: the next pass reads it again.
    }
  }

  public V remove(Object key) {
    return replaceNode(key, null, null);
  }

  public boolean replace(K key, V oldValue, V newValue) {
    return replaceNode(key, newValue, oldValue) != null;
  }

  /**
   * Replaces the value of {@code key} with {@code value}, or removes the node if {@code value} is
   * null, provided the current value is {@code expected} (or {@code expected} is null).
   */
  V replaceNode(Object key, V value, Object expected) {
    int h = spread(key.hashCode());
    Node<K, V>[] tab = table;
    int i = (tab.length - 1) & h;
    for (;;) {
      Node<K, V> f = tabAt(tab, i);
      if (f == null) {
        return null;
      }
      synchronized (f) {
        if (tabAt(tab, i) != f) {
          continue; // the head changed before the lock: retry
        }
        Node<K, V> pred = null;
        for (Node<K, V> e = f; e != null; pred = e, e = e.next) {
          if (e.hash == h && key.equals(e.key)) {
            V found = e.val;
            if (expected != null && !expected.equals(found)) {
              return null;
            }
            if (value != null) {
              e.val = value;
            } else if (pred != null) {
              pred.next = e.next;
            } else {
              setTabAt(tab, i, e.next);
            }
            return found;
          }
        }
        return null;
      }
    }
  }

  public void clear() {
    Node<K, V>[] tab = table;
    int i = 0;
    while (i < tab.length) {
      Node<K, V> f = tabAt(tab, i);
      if (f == null) {
        i++;
        continue;
      }
      synchronized (f) {
        if (tabAt(tab, i) == f) {
          setTabAt(tab, i, null);
        }
      }
      // Emptied, or changed under us: either way the next pass looks at the bin again.
    }
  }
}

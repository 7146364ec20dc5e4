package dev.readonce.checker.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.pcollections.OrderedPMap;

/**
 * {@link SharedMap} against pcollections' {@code OrderedPMap} (the map the store used before):
 * the same entries in the same order after every operation, and the same union, on random
 * operations over keys whose hashes collide often (so collisions and deep tries are exercised).
 */
class SharedMapTest {

  /** A key with a chosen hash: few distinct hashes among many keys. */
  private record Key(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final BinaryOperator<Integer> MERGE = Math::max;

  /** The store's union before this map, on OrderedPMap: the reference. */
  private static <K, V> OrderedPMap<K, V> referenceUnion(
      OrderedPMap<K, V> mine, OrderedPMap<K, V> theirs, BinaryOperator<V> merge) {
    if (mine.isEmpty()) {
      return theirs;
    }
    OrderedPMap<K, V> out = mine;
    for (Map.Entry<K, V> e : theirs.entrySet()) {
      V a = mine.get(e.getKey());
      V b = e.getValue();
      if (a == null) {
        out = out.plus(e.getKey(), b);
      } else if (!a.equals(b)) {
        V m = merge.apply(a, b);
        if (!m.equals(a)) {
          out = out.plus(e.getKey(), m);
        }
      }
    }
    return out;
  }

  private static void assertSameMap(OrderedPMap<Key, Integer> expected, SharedMap<Key, Integer> actual) {
    assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()));
    assertEquals(expected.size(), actual.size());
    assertEquals(expected, actual);
    assertEquals(expected.hashCode(), actual.hashCode());
    List<Map.Entry<Key, Integer>> unordered = new ArrayList<>();
    actual.unorderedEntries().forEach(unordered::add);
    assertEquals(expected.size(), unordered.size());
    for (Map.Entry<Key, Integer> e : unordered) {
      assertEquals(expected.get(e.getKey()), e.getValue());
    }
    for (Key k : expected.keySet()) {
      assertEquals(expected.get(k), actual.get(k));
      assertTrue(actual.containsKey(k));
    }
  }

  @Test
  void randomOperationsMatchOrderedPMap() {
    Random random = new Random(20261203);
    for (int round = 0; round < 300; round++) {
      int hashes = 1 + random.nextInt(round < 100 ? 4 : 2000);
      List<Key> keys = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        int h = random.nextInt(hashes) * (random.nextBoolean() ? 1 : 0x9E3779B1);
        keys.add(new Key(i, h));
      }
      // Two maps derived from one, as the stores reaching a join are.
      OrderedPMap<Key, Integer> base = OrderedPMap.empty();
      SharedMap<Key, Integer> shared = SharedMap.empty();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        Key k = keys.get(random.nextInt(keys.size()));
        int v = random.nextInt(5);
        base = base.plus(k, v);
        shared = shared.plus(k, v);
      }
      assertSameMap(base, shared);
      OrderedPMap<Key, Integer> a = base;
      OrderedPMap<Key, Integer> b = base;
      SharedMap<Key, Integer> sa = shared;
      SharedMap<Key, Integer> sb = shared;
      for (int i = 0; i < random.nextInt(20); i++) {
        Key k = keys.get(random.nextInt(keys.size()));
        int op = random.nextInt(3);
        boolean left = random.nextBoolean();
        if (op < 2) {
          int v = random.nextInt(5);
          if (left) {
            a = a.plus(k, v);
            sa = sa.plus(k, v);
          } else {
            b = b.plus(k, v);
            sb = sb.plus(k, v);
          }
        } else if (left) {
          a = a.minus(k);
          sa = sa.minus(k);
        } else {
          b = b.minus(k);
          sb = sb.minus(k);
        }
      }
      assertSameMap(a, sa);
      assertSameMap(b, sb);
      assertEquals(a.equals(b), sa.equals(sb));
      assertSameMap(referenceUnion(a, b, MERGE), sa.union(sb, MERGE));
      assertSameMap(referenceUnion(b, a, MERGE), sb.union(sa, MERGE));
      int bound = random.nextInt(80);
      assertSameMap(
          removeReference(a, k -> k.id() < bound), sa.minusKeys(k -> k.id() < bound));
      Key first = null;
      for (Key k : a.keySet()) {
        if (k.id() % 3 == 0) {
          first = k;
          break;
        }
      }
      assertEquals(first, sa.firstKeyMatching((k, v) -> k.id() % 3 == 0));
    }
  }

  private static OrderedPMap<Key, Integer> removeReference(
      OrderedPMap<Key, Integer> map, java.util.function.Predicate<Key> drop) {
    OrderedPMap<Key, Integer> out = map;
    for (Key k : map.keySet()) {
      if (drop.test(k)) {
        out = out.minus(k);
      }
    }
    return out;
  }

  @Test
  void unionKeepsTheReceiverWhenItAddsNothing() {
    SharedMap<Key, Integer> a = SharedMap.<Key, Integer>empty().plus(new Key(1, 1), 3);
    SharedMap<Key, Integer> b = a.plus(new Key(1, 1), 2);
    assertSame(a, a.union(b, MERGE));
    assertNotEquals(a, b);
    assertEquals(3, b.union(a, MERGE).get(new Key(1, 1)));
  }

  @Test
  void reinsertedKeyKeepsItsPlaceAndRemovedKeyGoesLast() {
    SharedMap<Key, Integer> m = SharedMap.empty();
    Key x = new Key(1, 7);
    Key y = new Key(2, 7);
    Key z = new Key(3, 8);
    m = m.plus(x, 1).plus(y, 2).plus(z, 3).plus(x, 4);
    assertEquals(List.of(x, y, z), new ArrayList<>(m.keySet()));
    m = m.minus(x).plus(x, 5);
    assertEquals(List.of(y, z, x), new ArrayList<>(m.keySet()));
    assertNull(m.minus(y).get(y));
  }
}

package fixture.walk;

import dev.readonce.annotations.AcquiresLock;
import dev.readonce.annotations.Descends;
import dev.readonce.annotations.FilledUnderLockOf;
import dev.readonce.annotations.Holding;
import dev.readonce.annotations.LocksSlot;
import dev.readonce.annotations.ModifiesSlot;
import dev.readonce.annotations.PointerTest;
import dev.readonce.annotations.PointerTest.Shows;
import dev.readonce.annotations.RacyHint;
import dev.readonce.annotations.ReadOnce;
import dev.readonce.annotations.ReleasesLock;
import dev.readonce.annotations.Revalidates;
import dev.readonce.annotations.SingleWriter;
import dev.readonce.annotations.Snapshot;
import dev.readonce.annotations.StableAfterPointer;
import dev.readonce.annotations.ValidatesHint;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every use of every ReadOnce annotation, on members whose signatures exercise the declarations
 * format (nested classes, arrays, varargs, generics, overloads). {@code annotated.decls} states
 * the same contracts; the test compares the two member by member.
 */
final class Annotated {

  static class Ref {
    @ReadOnce(lock = "ptl")
    @StableAfterPointer
    final long[] entries = new long[512];

    final Lock ptl = new ReentrantLock();
    final int index = 0;

    @ReadOnce
    long get() {
      return entries[index];
    }

    @ReadOnce(atomic = false)
    long getPlain() {
      return entries[index];
    }

    @ReadOnce(lock = ReadOnce.HELD_VALUE)
    @StableAfterPointer
    long getStable() {
      return entries[index];
    }

    @ModifiesSlot(requiresLock = true)
    void set(long value) {}

    @LocksSlot
    Lock lock() {
      return ptl;
    }

    @Holding("ptl")
    void underPtl() {}

    @AcquiresLock({"ptl", "this"})
    void lockBoth() {}

    @ReleasesLock({"this", "ptl"})
    @Holding("ptl")
    void unlockBoth() {}

    @SingleWriter("entries")
    void refill() {}

    long notAContract() {
      return 0;
    }
  }

  @StableAfterPointer
  static class PudRef extends Ref {
    @ReadOnce
    long getPud() {
      return 0;
    }
  }

  static final class LeafRef extends PudRef {
    @ReadOnce(lock = "self")
    long getLeaf() {
      return 0;
    }

    Object self() {
      return this;
    }
  }

  static final class Node<K, V> {
    K key;
    V val;
  }

  static final class Bins<K, V> {
    @ReadOnce(lock = ReadOnce.HELD_VALUE)
    Node<K, V>[] table;

    @ReadOnce(lock = "this")
    volatile Node<K, V> first;

    @ReadOnce
    Node<K, V> head;

    @ReadOnce(lock = ReadOnce.HELD_VALUE)
    static <K, V> Node<K, V> tabAt(Node<K, V>[] tab, int i) {
      return tab[i];
    }

    @ModifiesSlot(value = {"tab", "i"}, requiresLock = true)
    static <K, V> void setTabAt(Node<K, V>[] tab, int i, Node<K, V> v) {}

    @ModifiesSlot({"tab", "i"})
    static <K, V> boolean casTabAt(Node<K, V>[] tab, int i, Node<K, V> c, Node<K, V> v) {
      return false;
    }

    @LocksSlot({"tab", "i"})
    static <K, V> Lock lockBin(Node<K, V>[] tab, int i) {
      return null;
    }

    @RacyHint({"first", "head"})
    void hinted() {}

    Node<K, V> validate(Node<K, V> p, @ValidatesHint("first") Node<K, V> hint) {
      return hint;
    }

    final class Walker {
      @RacyHint("first")
      void outerHint() {}
    }
    void transfer(Node<K, V>[] tab, @FilledUnderLockOf("tab") Node<K, V>[] nextTab) {}
  }

  interface Ops {
    int pudEntry(@Snapshot("pudp") long pud, PudRef pudp, long addr, long next, Walk walk);

    int pteEntry(@Snapshot long pte, long addr);

    int bothEntry(
        @Snapshot({"tab", "i"}) Object head, Object[] tab, int i, @Snapshot({"tab", "i"}) Object again);
  }

  static final class Impl implements Ops {
    @Override
    public int pudEntry(long pud, PudRef pudp, long addr, long next, Walk walk) {
      return 0;
    }

    @Override
    public int pteEntry(long pte, long addr) {
      return 0;
    }

    @Override
    public int bothEntry(Object head, Object[] tab, int i, Object again) {
      return 0;
    }
  }

  static final class Walk {
    @PointerTest(Shows.NONE)
    static boolean none(long e) {
      return e == 0;
    }

    @PointerTest(Shows.PRESENT)
    static boolean present(long e) {
      return (e & 1) != 0;
    }

    @PointerTest(Shows.LEAF)
    static boolean leaf(long e) {
      return (e & 2) != 0;
    }

    @PointerTest(Shows.TABLE)
    static boolean table(long e) {
      return (e & 3) == 1;
    }

    @Descends
    static Ref pmdOffset(long pud, long addr) {
      return null;
    }

    @Descends
    static Ref pteOffset(long addr, @Snapshot long pmd) {
      return null;
    }

    @Revalidates
    static boolean pmdSame(Ref pmdp, @Snapshot("pmdp") long pmd) {
      return true;
    }

    @LocksSlot("pudp")
    static Lock pudLock(Object vma, PudRef pudp) {
      return null;
    }

    @ModifiesSlot("pudp")
    static void split(Object vma, PudRef pudp, long addr) {}

    static void overloaded(long a) {}

    @PointerTest(Shows.NONE)
    static boolean overloaded(long... a) {
      return false;
    }

    @PointerTest(Shows.LEAF)
    static boolean overloaded(Object[][] a, String s) {
      return false;
    }
  }
}

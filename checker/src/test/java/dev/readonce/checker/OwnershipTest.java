package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Ownership: the fields and elements of an object this method created and has not published are not
 * slots yet; a compare-and-set that claims a flag, or installs a value this thread locked, owns the
 * slot. Each case with its negative (published, failed, released, other slot).
 */
class OwnershipTest {

  /** A node whose link is a slot guarded by its owner's lock, and a spin-locked cell table. */
  private static final String NODE =
      """
      import dev.readonce.annotations.*;
      import java.lang.invoke.*;
      class Node {
        final Object lock = new Object();
        @ReadOnce(lock = "lock") volatile Node next;
        @ReadOnce(lock = "lock") Object value;
        Node() {}
        Node(Node next) { this.next = next; }
        @ModifiesSlot(value = {"tab", "i"}, requiresLock = true)
        static void setAt(Node[] tab, int i, Node v) { tab[i] = v; }
      }
      """;

  private final CompilationTestHelper writes =
      CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
          .addSourceLines("Node.java", NODE);

  @Test
  void unpublishedObjectFieldsAreNotSlots() {
    writes
        .addSourceLines(
            "Owner.java",
            """
            import dev.readonce.annotations.*;
            import java.util.List;

            class Owner {
              final Object lock = new Object();

              @ReadOnce(lock = "lock")
              volatile Node head;

              List<Node> registry;

              Node built(Node n) {
                Node p = new Node();
                p.next = n;
                p.value = "x";
                return p;
              }

              void publishedByStore(Node n) {
                Node p = new Node();
                p.next = n;
                synchronized (lock) {
                  head = p;
                }
                // BUG: Diagnostic contains: write to slot 'p.next' without its lock
                p.next = null;
              }

              void publishedByCall(Node n) {
                Node p = new Node();
                p.next = n;
                registry.add(p);
                // BUG: Diagnostic contains: write to slot 'p.next' without its lock
                p.next = null;
              }

              void publishedByMethodOnIt() {
                Node p = new Node();
                p.toString();
                // BUG: Diagnostic contains: write to slot 'p.next' without its lock
                p.next = null;
              }

              void publishedOnOnePath(boolean c) {
                Node p = new Node();
                if (c) {
                  registry.add(p);
                }
                // BUG: Diagnostic contains: write to slot 'p.next' without its lock
                p.next = null;
              }

              void aliasIsFreshToo() {
                Node p = new Node();
                Node q = (Node) p;
                q.next = null;
                p.next = null;
              }

              void publishingAnAliasPublishesBoth() {
                Node p = new Node();
                Node q = p;
                registry.add(q);
                // BUG: Diagnostic contains: write to slot 'p.next' without its lock
                p.next = null;
              }

              void comparingAndLockingDoNotPublish() {
                Node p = new Node();
                if (p != null && p instanceof Node) {
                  synchronized (p) {
                    p.next = null;
                  }
                }
                p.next = null;
              }

              void capturedByALambdaIsNeverFresh() {
                Node p = new Node();
                Runnable r = () -> System.out.println(p);
                // BUG: Diagnostic contains: write to slot 'p.next' without its lock
                p.next = null;
              }

              void reassignedFromShared() {
                Node p = new Node();
                p.next = null;
                p = head;
                // BUG: Diagnostic contains: write to slot 'p.next' without its lock
                p.next = null;
              }

              void sharedParameterIsNotOwned(Node p) {
                // BUG: Diagnostic contains: write to slot 'p.next' without its lock
                p.next = null;
              }

              void freshTableFilledThenPublished(Node a, int i) {
                Node[] t = new Node[4];
                System.arraycopy(new Node[4], 0, t, 0, 4);
                Node.setAt(t, i, a);
                registry.add(a);
                Node.setAt(t, i, a);
                synchronized (lock) {
                  useTable(t);
                }
                // BUG: Diagnostic contains: write to slot 't[i]' without its lock
                Node.setAt(t, i, a);
              }

              void useTable(Node[] t) {}
            }
            """)
        .doTest();
  }

  @Test
  void unpublishedObjectReadsAreNotSlotReads() {
    CompilationTestHelper.newInstance(PlainSlotRead.class, getClass())
        .addSourceLines("Node.java", NODE)
        .addSourceLines(
            "Reader.java",
            """
            class Reader {
              Object fresh() {
                Node p = new Node();
                p.value = "x";
                return p.value;
              }

              Object shared(Node p) {
                // BUG: Diagnostic contains: PlainSlotRead
                return p.value;
              }

              Object afterPublication(java.util.List<Node> out) {
                Node p = new Node();
                out.add(p);
                // BUG: Diagnostic contains: PlainSlotRead
                return p.value;
              }
            }
            """)
        .doTest();
  }

  @Test
  void readObjectFillsAnUnpublishedThis() {
    writes
        .addSourceLines(
            "Ser.java",
            """
            import dev.readonce.annotations.*;

            class Ser implements java.io.Serializable {
              final Object lock = new Object();

              @ReadOnce(lock = "lock")
              volatile Object state;

              private void readObject(java.io.ObjectInputStream in) {
                state = "restored";
              }

              void later() {
                // BUG: Diagnostic contains: write to slot 'state' without its lock
                state = null;
              }
            }
            """)
        .doTest();
  }

  @Test
  void superCloneIsUnpublished() {
    writes
        .addSourceLines(
            "Copy.java",
            """
            import dev.readonce.annotations.*;

            class Copy implements Cloneable {
              final Object lock = new Object();

              @ReadOnce(lock = "lock")
              volatile Object state;

              @Override
              public Copy clone() {
                try {
                  Copy c = (Copy) super.clone();
                  c.state = null;
                  return c;
                } catch (CloneNotSupportedException e) {
                  throw new AssertionError(e);
                }
              }
            }
            """)
        .doTest();
  }

  /** Striped64's cellsBusy: a compare-and-set from 0 to 1 claims it, the store of 0 releases. */
  private static final String CELLS =
      """
      import dev.readonce.annotations.*;
      import java.lang.invoke.*;
      class Cells {
        static final VarHandle BUSY;
        static {
          try {
            // Assigned in a static block, as the JDK and most libraries do.
            BUSY = MethodHandles.lookup().findVarHandle(Cells.class, "busy", int.class);
          } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
          }
        }
        @ReadOnce(lock = "busy") volatile Object cells;
        @ReadOnce(lock = "busy") volatile int busy;

        void claimed() {
          if (busy == 0 && BUSY.compareAndSet(this, 0, 1)) {
            try {
              cells = new long[2];
            } finally {
              busy = 0;
            }
          }
        }

        void notClaimedOnFailure() {
          if (!BUSY.compareAndSet(this, 0, 1)) {
            // BUG: Diagnostic contains: write to slot 'cells' without its lock
            cells = null;
          }
        }

        void releasedClaimOwnsNothing() {
          if (BUSY.compareAndSet(this, 0, 1)) {
            busy = 0;
            // BUG: Diagnostic contains: write to slot 'cells' without its lock
            cells = null;
          }
        }

        void notAClaimWhenTheNewValueIsComputed(int n) {
          if (BUSY.compareAndSet(this, 0, n)) {
            // BUG: Diagnostic contains: write to slot 'cells' without its lock
            cells = null;
          }
        }

        void unclaimedRelease() {
          // BUG: Diagnostic contains: write to slot 'busy' without its lock
          busy = 0;
        }
      }
      """;

  @Test
  void compareAndSetToAConstantClaimsTheSlot() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .addSourceLines("Cells.java", CELLS)
        .doTest();
  }

  @Test
  void atomicBooleanSpinLock() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .addSourceLines(
            "Spin.java",
            """
            import dev.readonce.annotations.*;
            import java.util.concurrent.atomic.AtomicBoolean;

            class Spin {
              @ReadOnce(lock = "busy")
              volatile Object data;

              @ReadOnce(lock = "busy")
              final AtomicBoolean busy = new AtomicBoolean();

              void locked() {
                while (!busy.compareAndSet(false, true)) {}
                data = "x";
                busy.set(false);
                // BUG: Diagnostic contains: write to slot 'data' without its lock
                data = null;
              }
            }
            """)
        .doTest();
  }

  /**
   * ConcurrentHashMap's computeIfAbsent: lock a fresh ReservationNode, CAS it into the empty bin,
   * then write the bin under its monitor.
   */
  @Test
  void compareAndSetOfALockedValueHoldsTheBinLock() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .addSourceLines(
            "Bins.java",
            """
            import dev.readonce.annotations.*;
            import java.lang.invoke.*;

            class Bins {
              static class N {}

              static final VarHandle BIN = MethodHandles.arrayElementVarHandle(N[].class);

              @ReadOnce(lock = ReadOnce.HELD_VALUE)
              volatile N[] table;

              @ModifiesSlot(value = {"tab", "i"})
              static boolean casAt(N[] tab, int i, N c, N v) {
                return BIN.compareAndSet(tab, i, c, v);
              }

              @ModifiesSlot(
                  value = {"tab", "i"},
                  requiresLock = true)
              static void setAt(N[] tab, int i, N v) {
                BIN.setRelease(tab, i, v);
              }

              void reserve(N[] tab, int i, N value) {
                N r = new N();
                synchronized (r) {
                  if (casAt(tab, i, null, r)) {
                    setAt(tab, i, value);
                  } else {
                    // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                    setAt(tab, i, value);
                  }
                }
                // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                setAt(tab, i, value);
              }

              void notLocked(N[] tab, int i, N value) {
                N r = new N();
                if (casAt(tab, i, null, r)) {
                  // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                  setAt(tab, i, value);
                }
              }

              void otherSlot(N[] tab, int i, int j, N value) {
                N r = new N();
                synchronized (r) {
                  if (casAt(tab, i, null, r)) {
                    // BUG: Diagnostic contains: write to slot 'tab[j]' without its lock
                    setAt(tab, j, value);
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /** A re-read after the thread's own compare-and-set of the slot is a refresh. */
  @Test
  void rereadAfterCompareAndSetIsARefresh() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .addSourceLines(
            "Stack.java",
            """
            import dev.readonce.annotations.*;
            import java.util.concurrent.atomic.AtomicReference;

            class Stack {
              @ReadOnce final AtomicReference<Object> top = new AtomicReference<>();

              Object push(Object n) {
                Object t = top.get();
                if (t == null && !top.compareAndSet(t, n)) {
                  Object now = top.get();
                  return t == null ? now : t;
                }
                return t;
              }

              Object twice() {
                Object t = top.get();
                if (t == null) {
                  // BUG: Diagnostic contains: read again
                  return top.get();
                }
                return t;
              }
            }
            """)
        .doTest();
  }
}

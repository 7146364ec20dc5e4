package dev.readonce.checker.hints;

import com.google.errorprone.CompilationTestHelper;
import dev.readonce.checker.MissingRevalidation;
import dev.readonce.checker.PlainSlotRead;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.checker.UnknownContractName;
import dev.readonce.checker.UnlockedReread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Racy hints ({@code @RacyHint}, {@code @ValidatesHint}) in {@code LinkedBlockingQueue}'s shapes:
 * {@code bulkRemove}'s {@code ancestor = head} handed to {@code findPred} under {@code
 * fullyLock()}, and the spliterator's {@code head.next} batch hint. Each behaviour is shown silent
 * where the contract is kept and firing where it is broken.
 */
class RacyHintTest {

  private final CompilationTestHelper plain =
      CompilationTestHelper.newInstance(PlainSlotRead.class, getClass());
  private final CompilationTestHelper rereads =
      CompilationTestHelper.newInstance(UnlockedReread.class, getClass());
  private final CompilationTestHelper revalidation =
      CompilationTestHelper.newInstance(MissingRevalidation.class, getClass());

  /** The two-lock queue with findPred, the validator of LinkedBlockingQueue. */
  private static final String[] QUEUE_HEAD = {
    "import dev.readonce.annotations.*;",
    "import java.util.concurrent.locks.ReentrantLock;",
    "final class Queue {",
    "  static final class Node { Object item; Node next; }",
    "  @ReadOnce(lock = \"takeLock\") Node head = new Node();",
    "  @ReadOnce(lock = \"putLock\") Node last = head;",
    "  final ReentrantLock takeLock = new ReentrantLock();",
    "  final ReentrantLock putLock = new ReentrantLock();",
    "  Node kept;",
    "  @AcquiresLock({\"putLock\", \"takeLock\"}) void fullyLock() {",
    "    putLock.lock(); takeLock.lock();",
    "  }",
    "  @ReleasesLock({\"takeLock\", \"putLock\"}) void fullyUnlock() {",
    "    takeLock.unlock(); putLock.unlock();",
    "  }",
    "  @Holding(\"takeLock\") Node findPred(Node p, @ValidatesHint(\"head\") Node ancestor) {",
    "    if (ancestor.item == null) ancestor = head;",
    "    for (Node q; (q = ancestor.next) != p; ) ancestor = q;",
    "    return ancestor;",
    "  }",
    "  @Holding({\"putLock\", \"takeLock\"}) void unlink(Node p, Node pred) {",
    "    p.item = null; pred.next = p.next;",
    "    if (last == p) last = pred;",
    "  }",
    "  static void consume(Node n) {}",
  };

  private static String[] queue(String... body) {
    String[] out = new String[QUEUE_HEAD.length + body.length + 1];
    System.arraycopy(QUEUE_HEAD, 0, out, 0, QUEUE_HEAD.length);
    System.arraycopy(body, 0, out, QUEUE_HEAD.length, body.length);
    out[out.length - 1] = "}";
    return out;
  }

  @Test
  void hintReadIsNoPlainRead() {
    plain
        .addSourceLines(
            "Queue.java",
            queue(
                "  @RacyHint(\"head\") void hinted() {",
                "    Node ancestor = head;",
                "    if (ancestor != null) { }",
                "  }",
                "  void undeclared() {",
                "    // BUG: Diagnostic contains: plain read of slot 'head'",
                "    Node ancestor = head;",
                "    if (ancestor != null) { }",
                "  }",
                "  @RacyHint(\"head\") void otherSlotIsNoHint() {",
                "    // BUG: Diagnostic contains: plain read of slot 'last'",
                "    Node l = last;",
                "    if (l != null) { }",
                "  }"))
        .doTest();
  }

  @Test
  void hintReadTwiceIsNoReread() {
    rereads
        .addSourceLines(
            "Queue.java",
            queue(
                "  @RacyHint(\"head\") int hinted() {",
                "    Node a = head;",
                "    if (a == null) return 0;",
                "    Node b = head;",
                "    return b == a ? 1 : 2;",
                "  }",
                "  int undeclared() {",
                "    Node a = head;",
                "    if (a == null) return 0;",
                "    // BUG: Diagnostic contains: UnlockedReread",
                "    Node b = head;",
                "    return b == a ? 1 : 2;",
                "  }"))
        .doTest();
  }

  @Test
  void hintHandedToTheValidatorUnderTheLock() {
    revalidation
        .addSourceLines(
            "Queue.java",
            queue(
                "  @RacyHint(\"head\") void bulkRemove(Node[] nodes) {",
                "    Node ancestor = head;",
                "    fullyLock();",
                "    try {",
                "      for (Node q : nodes) {",
                "        ancestor = findPred(q, ancestor);",
                "        unlink(q, ancestor);",
                "      }",
                "    } finally { fullyUnlock(); }",
                "  }",
                "  @RacyHint(\"head\") void withoutValidation(Node q) {",
                "    Node ancestor = head;",
                "    fullyLock();",
                "    try {",
                "      // BUG: Diagnostic contains: hint 'ancestor' of slot 'head'",
                "      unlink(q, ancestor);",
                "    } finally { fullyUnlock(); }",
                "  }",
                "  @RacyHint(\"head\") void validatorOfAnotherSlot(Node q) {",
                "    Node ancestor = head;",
                "    fullyLock();",
                "    try {",
                "      // BUG: Diagnostic contains: without validation",
                "      ancestor = findLast(q, ancestor);",
                "    } finally { fullyUnlock(); }",
                "  }",
                "  @Holding(\"putLock\") Node findLast(Node p, @ValidatesHint(\"last\") Node hint)"
                    + " {",
                "    if (hint.item == null) hint = last;",
                "    return hint;",
                "  }",
                "  @RacyHint(\"head\") void recheckedAgainstTheSlot(Node q) {",
                "    Node h = head;",
                "    fullyLock();",
                "    try {",
                "      if (head == h) { unlink(q, h); }",
                "    } finally { fullyUnlock(); }",
                "  }"))
        .doTest();
  }

  @Test
  void hintDecidesOnlyTests() {
    revalidation
        .addSourceLines(
            "Queue.java",
            queue(
                "  @RacyHint(\"head\") int trySplitShape(int batch) {",
                "    Node h;",
                "    if ((h = head.next) != null && h.next != null && h.hashCode() != 0) {",
                "      return Math.min(batch + 1, 64);",
                "    }",
                "    return 0;",
                "  }",
                "  @RacyHint(\"head\") void storedIntoAField() {",
                "    Node h = head;",
                "    // BUG: Diagnostic contains: is stored into 'kept'",
                "    kept = h;",
                "  }",
                "  @RacyHint(\"head\") void writtenIntoAnotherSlot() {",
                "    Node h = head;",
                "    putLock.lock();",
                "    try {",
                "      // BUG: Diagnostic contains: is stored into 'last'",
                "      last = h;",
                "    } finally { putLock.unlock(); }",
                "  }",
                "  @RacyHint(\"head\") Node returned() {",
                "    Node h = head;",
                "    // BUG: Diagnostic contains: is returned",
                "    return h;",
                "  }",
                "  @RacyHint(\"head\") void handedOn() {",
                "    Node h = head;",
                "    // BUG: Diagnostic contains: is handed to consume(), which is not declared",
                "    consume(h);",
                "  }",
                "  @RacyHint(\"head\") void locked() {",
                "    Node h = head;",
                "    // BUG: Diagnostic contains: is locked",
                "    synchronized (h) { }",
                "  }",
                "  @RacyHint(\"head\") String called() {",
                "    Node h = head;",
                "    // BUG: Diagnostic contains: is the receiver of toString()",
                "    return h.toString();",
                "  }",
                "  @RacyHint(\"head\") void readStoredDirectly() {",
                "    // BUG: Diagnostic contains: hint 'head' of slot 'head'",
                "    kept = head;",
                "  }",
                "  @RacyHint(\"head\") Node readReturnedDirectly() {",
                "    // BUG: Diagnostic contains: is returned",
                "    return this.head;",
                "  }",
                "  @RacyHint(\"head\") Node readDereferenced() {",
                "    Node n = head.next;",
                "    // BUG: Diagnostic contains: hint 'n' of slot 'head'",
                "    return n;",
                "  }",
                "  @RacyHint(\"head\") int dereferencedTested() {",
                "    Node n = head.next;",
                "    return n != null && n.next != null ? 1 : 0;",
                "  }",
                "  @RacyHint(\"head\") void copiedThenStored() {",
                "    Node h = head;",
                "    Node copy = h;",
                "    // BUG: Diagnostic contains: hint 'copy'",
                "    kept = copy;",
                "  }"))
        .doTest();
  }

  @Test
  void validatorBodyHoldsTheLockAndFallsBackToTheSlot() {
    revalidation
        .addSourceLines(
            "Queue.java",
            queue(
                "  @Holding(\"takeLock\") Node ternary(Node p, @ValidatesHint(\"head\") Node a) {",
                "    a = a.item == null ? head : a;",
                "    return a;",
                "  }",
                "  // BUG: Diagnostic contains: does not hold its lock",
                "  Node unlocked(Node p, @ValidatesHint(\"head\") Node a) {",
                "    if (a.item == null) a = head;",
                "    return a;",
                "  }",
                "  // BUG: Diagnostic contains: never falls back to the slot",
                "  @Holding(\"takeLock\") Node noFallback(Node p, @ValidatesHint(\"head\") Node a)"
                    + " {",
                "    for (Node q; (q = a.next) != p; ) a = q;",
                "    return a;",
                "  }",
                "  // BUG: Diagnostic contains: never falls back to the slot",
                "  @Holding(\"takeLock\") Node untested(Node p, @ValidatesHint(\"head\") Node a) {",
                "    if (p.item == null) a = head;",
                "    return a;",
                "  }",
                "  // BUG: Diagnostic contains: does not hold its lock",
                "  @Holding(\"putLock\") Node wrongLock(Node p, @ValidatesHint(\"head\") Node a) {",
                "    if (a.item == null) a = head;",
                "    return a;",
                "  }"))
        .doTest();
  }

  @Test
  void nestedClassReadsTheOuterSlotAsAHint() {
    String[] source =
        queue(
            "  final class Spliterator {",
            "    Node current;",
            "    @RacyHint(\"head\") boolean trySplit() {",
            "      Node h;",
            "      return ((h = current) != null || (h = head.next) != null) && h.next != null;",
            "    }",
            "    boolean undeclared() {",
            "      Node h;",
            "      // BUG: Diagnostic contains: PlainSlotRead",
            "      return ((h = current) != null || (h = head.next) != null) && h.next != null;",
            "    }",
            "  }");
    plain.addSourceLines("Queue.java", source).doTest();
  }

  @Test
  void namesMustResolve() {
    CompilationTestHelper.newInstance(UnknownContractName.class, getClass())
        .addSourceLines(
            "Queue.java",
            "import dev.readonce.annotations.*;",
            "final class Queue {",
            "  @ReadOnce(lock = \"this\") Object head;",
            "  @RacyHint(\"head\") void fine() {}",
            "  Object validates(@ValidatesHint(\"head\") Object a) { return a; }",
            "  final class Inner { @RacyHint(\"head\") void outer() {} }",
            "  // BUG: Diagnostic contains: @RacyHint(\"hed\"): no field 'hed' in Queue or its",
            "  @RacyHint(\"hed\") void typo() {}",
            "  // BUG: Diagnostic contains: @ValidatesHint(\"nope\"): no field 'nope'",
            "  Object wrong(@ValidatesHint(\"nope\") Object a) { return a; }",
            "}")
        .doTest();
  }

  @Test
  void declaredInADeclarationsFile(@TempDir Path dir) throws Exception {
    Path decls =
        Files.writeString(
            dir.resolve("queue.decls"),
            """
            slot           lib.Queue#head  lock=takeLock
            holding        lib.Queue#findPred(lib.Queue.Node, lib.Queue.Node)  lock=takeLock
            validates-hint lib.Queue#findPred(lib.Queue.Node, lib.Queue.Node)  param=1 field=head
            racy-hint      lib.Queue#bulkRemove(lib.Queue.Node)  field=head
            racy-hint      lib.Queue.Spliterator#trySplit()  field=head
            """);
    CompilationTestHelper.newInstance(MissingRevalidation.class, getClass())
        .addSourceLines(
            "Queue.java",
            "package lib;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "final class Queue {",
            "  static final class Node { Object item; Node next; }",
            "  Node head = new Node();",
            "  final ReentrantLock takeLock = new ReentrantLock();",
            "  Node findPred(Node p, Node ancestor) {",
            "    if (ancestor.item == null) ancestor = head;",
            "    for (Node q; (q = ancestor.next) != p; ) ancestor = q;",
            "    return ancestor;",
            "  }",
            "  void bulkRemove(Node q) {",
            "    Node ancestor = head;",
            "    Node hint = ancestor;",
            "    takeLock.lock();",
            "    try {",
            "      ancestor = findPred(q, ancestor);",
            "      // BUG: Diagnostic contains: hint 'hint' of slot 'head'",
            "      q = hint.item == null ? q : hint;",
            "    } finally { takeLock.unlock(); }",
            "  }",
            "  final class Spliterator {",
            "    boolean trySplit() { Node h; return (h = head.next) != null && h.next != null; }",
            "  }",
            "}")
        .setArgs(List.of("-XepOpt:" + ReadOnceConfig.DECLARATIONS + "=" + decls))
        .doTest();
    CompilationTestHelper.newInstance(PlainSlotRead.class, getClass())
        .addSourceLines(
            "Queue.java",
            "package lib;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "final class Queue {",
            "  static final class Node { Object item; Node next; }",
            "  Node head = new Node();",
            "  final ReentrantLock takeLock = new ReentrantLock();",
            "  Node findPred(Node p, Node ancestor) {",
            "    if (ancestor.item == null) ancestor = head;",
            "    return ancestor;",
            "  }",
            "  void bulkRemove(Node q) { Node ancestor = head; }",
            "  final class Spliterator {",
            "    boolean trySplit() { Node h; return (h = head.next) != null && h.next != null; }",
            "    boolean other() {",
            "      // BUG: Diagnostic contains: PlainSlotRead",
            "      return head != null;",
            "    }",
            "  }",
            "}")
        .setArgs(List.of("-XepOpt:" + ReadOnceConfig.DECLARATIONS + "=" + decls))
        .doTest();
  }
}

package dev.readonce.checker.declarations;

import static dev.readonce.checker.declarations.Fixtures.declarationsFlag;
import static dev.readonce.checker.declarations.Fixtures.lines;
import static dev.readonce.checker.declarations.Fixtures.mutate;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.readonce.checker.MissingRevalidation;
import dev.readonce.checker.PlainSlotRead;
import dev.readonce.checker.UnlockedReread;
import dev.readonce.checker.UnlockedSlotWrite;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ConcurrentHashMap-shaped fixture ({@code BinMap.java}, no annotations) checked with its
 * contracts from {@code binmap.decls}: clean as written, and each mutation that breaks the bin
 * discipline is flagged by exactly the check for the rule it breaks.
 */
class BinMapDeclarationsTest {

  private static final String FIXTURE = Fixtures.text("BinMap.java");

  static Stream<Class<? extends BugChecker>> allChecks() {
    return Fixtures.ALL_CHECKS.stream();
  }

  private static CompilationTestHelper check(Class<? extends BugChecker> check, String source) {
    return CompilationTestHelper.newInstance(check, BinMapDeclarationsTest.class)
        .addSourceLines("BinMap.java", lines(source))
        .setArgs(declarationsFlag(Fixtures.path("binmap.decls")));
  }

  /**
   * The mutant is flagged by {@code expected} where its {@code BUG} marker says, and by no other
   * check: one finding per broken rule.
   */
  private static void flaggedOnlyBy(Class<? extends BugChecker> expected, String mutant) {
    check(expected, mutant).doTest();
    for (Class<? extends BugChecker> other : Fixtures.ALL_CHECKS) {
      if (other != expected) {
        check(other, mutant).expectNoDiagnostics().doTest();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("allChecks")
  void fixtureFollowingTheBinDisciplineIsClean(Class<? extends BugChecker> check) {
    check(check, FIXTURE).expectNoDiagnostics().doTest();
  }

  @Test
  void lockedHeadUsedWithoutRecheckIsMissingRevalidation() {
    String mutant =
        mutate(
            FIXTURE,
            """
                    if (tabAt(tab, i) == f) {
                      for (Node<K, V> e = f; ; e = e.next) {
            """,
            """
                    {
                      // BUG: Diagnostic contains: snapshot 'f' of slot 'tab[i]'
                      for (Node<K, V> e = f; ; e = e.next) {
            """);
    flaggedOnlyBy(MissingRevalidation.class, mutant);
  }

  @Test
  void mismatchThatGoesOnInsteadOfRetryingIsMissingRevalidation() {
    String mutant =
        mutate(
            FIXTURE,
            """
                    if (tabAt(tab, i) != f) {
                      continue; // the head changed before the lock: retry
                    }
                    Node<K, V> pred = null;
                    for (Node<K, V> e = f; e != null; pred = e, e = e.next) {
            """,
            """
                    if (tabAt(tab, i) != f) {
                      // the head changed before the lock, and this code goes on regardless
                    }
                    Node<K, V> pred = null;
                    // BUG: Diagnostic contains: not to match the slot, yet it is still used
                    for (Node<K, V> e = f; e != null; pred = e, e = e.next) {
            """);
    flaggedOnlyBy(MissingRevalidation.class, mutant);
  }

  @Test
  void secondReadOfTheBinDecidingAgainIsUnlockedReread() {
    String mutant =
        mutate(
            FIXTURE,
            """
                  if (f == null) {
                    if (casTabAt(tab, i, null, new Node<>(h, key, value, null))) {
            """,
            """
                  // BUG: Diagnostic contains: slot 'tab[i]' read again while its snapshot 'f'
                  if (tabAt(tab, i) == null) {
                    if (casTabAt(tab, i, null, new Node<>(h, key, value, null))) {
            """);
    flaggedOnlyBy(UnlockedReread.class, mutant);
  }

  @Test
  void plainElementReadOfTheBinIsPlainSlotRead() {
    String mutant =
        mutate(
            FIXTURE,
            """
                for (Node<K, V> e = tabAt(tab, i); e != null; e = e.next) {
            """,
            """
                // BUG: Diagnostic contains: plain read of slot 'tab[i]'
                for (Node<K, V> e = tab[i]; e != null; e = e.next) {
            """);
    flaggedOnlyBy(PlainSlotRead.class, mutant);
  }

  @Test
  void storeOutsideTheHeadLockIsUnlockedSlotWrite() {
    String mutant =
        mutate(
            FIXTURE,
            """
                  synchronized (f) {
                    if (tabAt(tab, i) == f) {
                      setTabAt(tab, i, null);
                    }
                  }
            """,
            """
                  // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                  setTabAt(tab, i, null);
            """);
    flaggedOnlyBy(UnlockedSlotWrite.class, mutant);
  }

  @Test
  void emptyBinFilledByStoreInsteadOfCasIsUnlockedSlotWrite() {
    String mutant =
        mutate(
            FIXTURE,
            """
                    if (casTabAt(tab, i, null, new Node<>(h, key, value, null))) {
                      return null;
                    }
                    continue; // another thread filled the bin first: read it again
            """,
            """
                    // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                    setTabAt(tab, i, new Node<>(h, key, value, null));
                    return null;
            """);
    flaggedOnlyBy(UnlockedSlotWrite.class, mutant);
  }

  @Test
  void withoutTheDeclarationsTheSameMutantsGoUnseen() {
    // The fixture has no annotations: every finding above comes from binmap.decls.
    String mutant =
        mutate(
            FIXTURE,
            """
                for (Node<K, V> e = tabAt(tab, i); e != null; e = e.next) {
            """,
            """
                for (Node<K, V> e = tab[i]; e != null; e = e.next) {
            """);
    CompilationTestHelper.newInstance(PlainSlotRead.class, getClass())
        .addSourceLines("BinMap.java", lines(mutant))
        .expectNoDiagnostics()
        .doTest();
  }
}

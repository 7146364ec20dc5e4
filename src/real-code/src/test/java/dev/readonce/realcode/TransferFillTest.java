package dev.readonce.realcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ConcurrentHashMap.transfer is declared {@code filled-under-lock-of} (nextTab under the old bin's
 * re-checked lock, {@code corpus/decls/concurrenthashmap.decls}): the published stores into nextTab
 * are clean (RealCodeFindingsTest), and stores into nextTab that break that discipline are still
 * {@code UnlockedSlotWrite}. The mutation harness makes no such mutant (the stores use {@code ln}
 * and {@code hn}, locals of the lock region), so this test makes them by hand, keeping the lines:
 * a store moved out of the {@code synchronized (f)} block, and one under the lock before the
 * {@code tabAt(tab, i) == f} re-check.
 */
class TransferFillTest {

  private static final int RECHECK = 2500; // if (tabAt(tab, i) == f) {
  private static final int TREEBIN_LOW = 2562; // setTabAt(nextTab, i, ln);
  private static final int MONITOR_END = 2570; // } of synchronized (f)

  @Test
  void storesIntoNextTabOutsideTheRecheckedLockAreUnlockedSlotWrites() throws Exception {
    Layout layout = Layout.fromSystemProperties();
    layout.requireJdkSources();
    CorpusClass chm =
        Corpus.classes().stream()
            .filter(c -> c.simpleName().equals("ConcurrentHashMap"))
            .findFirst()
            .orElseThrow();
    PreparedClass prepared = new Preparer(layout).prepare(chm);
    String[] lines = prepared.original().split("\n", -1);
    replace(lines, RECHECK, "if (tabAt(tab, i) == f) {", "setTabAt(nextTab, i + n, f); $0");
    replace(lines, TREEBIN_LOW, "setTabAt(nextTab, i, ln);", "");
    replace(lines, MONITOR_END, "}", "} setTabAt(nextTab, i, f);");

    CheckResult result =
        new CheckRunner()
            .run(
                prepared,
                String.join("\n", lines),
                layout.work().resolve("transfer-fill").resolve(chm.simpleName()));
    assertEquals(List.of(), result.errors());
    List<Finding> writes =
        result.findings().stream().filter(f -> f.rule().equals("UnlockedSlotWrite")).toList();
    assertTrue(
        writes.stream()
            .anyMatch(
                f ->
                    f.line() == RECHECK
                        && f.message().contains("without a successful re-check")),
        "a store under the lock before the re-check: " + writes);
    assertTrue(
        writes.stream()
            .anyMatch(
                f ->
                    f.line() == MONITOR_END
                        && f.message().contains("without the lock of a slot of 'tab'")),
        "a store moved out of the lock: " + writes);
    // The stores the mutant leaves in place, under the re-checked lock, stay clean.
    assertEquals(
        List.of(),
        writes.stream().filter(f -> f.line() > RECHECK && f.line() < MONITOR_END).toList());
  }

  /** Replaces, on the 1-based line, the one occurrence of {@code old} ({@code $0} keeps it). */
  private static void replace(String[] lines, int line, String old, String replacement) {
    String text = lines[line - 1];
    assertEquals(old, text.strip(), "line " + line + " of ConcurrentHashMap.java");
    lines[line - 1] = text.replace(old, replacement.replace("$0", old));
  }
}

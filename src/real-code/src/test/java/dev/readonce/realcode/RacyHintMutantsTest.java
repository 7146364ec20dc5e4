package dev.readonce.realcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two breaches of LinkedBlockingQueue's racy-hint contract that the mutation operators do not
 * make (no operator drops a validator's fallback or a validator call), made by hand on the class as
 * published: each is reported by {@code MissingRevalidation} at the line it breaks, and the
 * original is clean there ({@code RealCodeFindingsTest}).
 */
class RacyHintMutantsTest {

  private static final String FILE = "java/util/concurrent/LinkedBlockingQueue.java";

  private static Layout layout;
  private static PreparedClass prepared;

  @BeforeAll
  static void setUp() throws Exception {
    layout = Layout.fromSystemProperties();
    layout.requireJdkSources();
    CorpusClass queue =
        Corpus.classes().stream()
            .filter(c -> c.simpleName().equals("LinkedBlockingQueue"))
            .findFirst()
            .orElseThrow();
    prepared = new Preparer(layout).prepare(queue);
  }

  /** The findings of the class with one whole line replaced (line numbers stay the same). */
  private static List<Finding> mutant(String line, String by) throws Exception {
    String original = prepared.original();
    String whole = "\n" + line + "\n";
    assertEquals(
        original.indexOf(whole),
        original.lastIndexOf(whole),
        "the line occurs once in the published class: " + line);
    assertTrue(original.contains(whole), "the published class has the line: " + line);
    CheckResult result =
        new CheckRunner()
            .run(
                prepared,
                original.replace(whole, "\n" + by + "\n"),
                layout.work().resolve("racy-hint-mutants"));
    assertEquals(List.of(), result.errors());
    return result.findings().stream().filter(f -> f.file().equals(FILE)).toList();
  }

  @Test
  void findPredWithoutItsFallbackIsNoValidator() throws Exception {
    // "if (ancestor.item == null) ancestor = head;" dropped: findPred no longer repairs the hint.
    List<Finding> findings = mutant("            ancestor = head;", "            ;");
    assertEquals(
        List.of("MissingRevalidation@1045"),
        findings.stream().map(f -> f.rule() + "@" + f.line()).toList(),
        findings.toString());
    assertTrue(findings.get(0).message().contains("never falls back"), findings.toString());
  }

  @Test
  void unlinkGivenTheHintWithoutFindPred() throws Exception {
    // "ancestor = findPred(q, ancestor);" dropped: unlink acts on the unlocked hint.
    List<Finding> findings =
        mutant("                            ancestor = findPred(q, ancestor);", "");
    assertEquals(
        List.of("MissingRevalidation@1096"),
        findings.stream().map(f -> f.rule() + "@" + f.line()).toList(),
        findings.toString());
    assertTrue(findings.get(0).message().contains("hint 'ancestor'"), findings.toString());
  }

  @Test
  void hintStoredIntoTheSpliterator() throws Exception {
    // trySplit keeps its batch hint in the spliterator's field instead of a local.
    List<Finding> findings =
        mutant(
            "                int n = batch = Math.min(batch + 1, MAX_BATCH);",
            "                int n = batch = Math.min(batch + 1, MAX_BATCH); current = h;");
    assertEquals(
        List.of("MissingRevalidation@886"),
        findings.stream().map(f -> f.rule() + "@" + f.line()).toList(),
        findings.toString());
  }
}

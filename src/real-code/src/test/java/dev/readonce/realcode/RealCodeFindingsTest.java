package dev.readonce.realcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each corpus class, as published, compiled with the six checks and its declarations: the findings
 * must be exactly the checked-in list, both ways (a new finding fails; a listed finding that no
 * longer occurs fails, so the list only shrinks).
 */
class RealCodeFindingsTest {

  private static Layout layout;
  private static Preparer preparer;
  private static CheckRunner runner;
  private static ExpectedFindings expected;

  @BeforeAll
  static void setUp() throws Exception {
    layout = Layout.fromSystemProperties();
    layout.requireJdkSources();
    preparer = new Preparer(layout);
    runner = new CheckRunner();
    expected = ExpectedFindings.read(layout.corpus());
  }

  static Stream<CorpusClass> classes() {
    return Corpus.classes().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  void findingsAreExactlyTheListedOnes(CorpusClass c) throws Exception {
    PreparedClass prepared = preparer.prepare(c);
    CheckResult result =
        runner.run(
            prepared,
            prepared.original(),
            layout.work().resolve("originals").resolve(c.simpleName()));
    assertEquals(List.of(), result.errors(), c.name() + " must compile standalone on JDK 17");

    List<String> actual = new ArrayList<>(result.findings().stream().map(Finding::key).toList());
    List<String> listed =
        new ArrayList<>(
            expected.of(c.relativePath()).stream().map(ExpectedFindings.Entry::key).toList());
    List<String> unexpected = minus(actual, listed);
    List<String> gone = minus(listed, actual);
    StringBuilder message = new StringBuilder();
    for (Finding f : result.findings()) {
      if (unexpected.contains(f.key())) {
        message
            .append("\n  new finding (not in corpus/expected-findings.txt): ")
            .append(f.key())
            .append("  ")
            .append(f.message());
      }
    }
    for (String key : gone) {
      message
          .append(
              "\n"
                  + "  listed finding no longer reported (remove it from"
                  + " corpus/expected-findings.txt): ")
          .append(key);
    }
    assertTrue(unexpected.isEmpty() && gone.isEmpty(), c.name() + ":" + message);
  }

  @Test
  void everyListedFindingBelongsToACorpusClass() {
    List<String> files = Corpus.classes().stream().map(CorpusClass::relativePath).toList();
    for (ExpectedFindings.Entry e : expected.entries()) {
      String file = e.key().substring(0, e.key().indexOf(':'));
      assertTrue(
          files.contains(file),
          "expected-findings.txt:" + e.line() + ": " + file + " is not a corpus class");
    }
  }

  @Test
  void everyCauseIsUsedAndEveryEngineCauseNamesItsEntry() {
    for (ExpectedFindings.Cause cause : expected.causes().values()) {
      assertTrue(
          expected.entries().stream().anyMatch(e -> e.cause().equals(cause.id())),
          "causes.txt: " + cause.id() + " explains no listed finding: remove it");
      if (cause.kind().equals("engine")) {
        assertTrue(cause.reason().matches("RC-\\d+: .*"), cause.id() + " must name its RC-n entry");
      }
    }
  }

  /** The multiset difference a - b. */
  private static List<String> minus(List<String> a, List<String> b) {
    Map<String, Integer> counts = new HashMap<>();
    b.forEach(k -> counts.merge(k, 1, Integer::sum));
    List<String> out = new ArrayList<>();
    for (String k : a) {
      if (counts.getOrDefault(k, 0) > 0) {
        counts.merge(k, -1, Integer::sum);
      } else {
        out.add(k);
      }
    }
    return out;
  }
}

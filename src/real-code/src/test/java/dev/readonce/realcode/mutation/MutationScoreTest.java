package dev.readonce.realcode.mutation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.realcode.CorpusClass;
import dev.readonce.realcode.Layout;
import dev.readonce.realcode.Preparer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The mutation score of the six checks on the corpus: a fixed seeded sample in verify, every mutant
 * with -Pmutation-sweep. The score may not drop below the one recorded in corpus/mutation-score.txt
 * for that run.
 */
class MutationScoreTest {

  @Test
  void scoreDoesNotDropBelowTheRecordedOne() throws Exception {
    Layout layout = Layout.fromSystemProperties();
    layout.requireJdkSources();
    MutationHarness harness = new MutationHarness(layout);
    List<Mutant> all = harness.allMutants();
    String mode = System.getProperty("realcode.mutants", "sample");
    List<Mutant> chosen =
        mode.equals("all")
            ? all
            : MutationHarness.sample(
                all,
                Integer.getInteger("realcode.sample.size", 24),
                Long.getLong("realcode.sample.seed", 20261203L));
    MutationReport report = harness.run(chosen);
    String text = report.render();
    Files.createDirectories(layout.work());
    Files.writeString(layout.work().resolve("mutation-report-" + mode + ".md"), text, UTF_8);
    System.out.println(
        "Real-code mutation run ("
            + mode
            + ", "
            + chosen.size()
            + " of "
            + all.size()
            + " mutants):\n"
            + text);

    assertTrue(report.made() > 0, "no mutant compiled: the harness is broken");
    double recorded = recordedScore(layout.corpus().resolve("mutation-score.txt"), mode);
    assertTrue(
        report.score() * 100 + 1e-9 >= recorded,
        String.format(
            Locale.ROOT,
            "mutation score %.1f%% dropped below the recorded %.1f%% (%s run)%n%s",
            100 * report.score(),
            recorded,
            mode,
            text));
  }

  @Test
  void everyOperatorButDescentHasSitesInTheCorpus() throws Exception {
    List<Mutant> all = new MutationHarness(Layout.fromSystemProperties()).allMutants();
    Set<Operator> applied =
        all.stream()
            .map(Mutant::operator)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Operator.class)));
    // No corpus class declares descents or pointer tests, so that operator has no site (and makes
    // no mutant rather than a meaningless one); every other one must find sites.
    assertEquals(EnumSet.complementOf(EnumSet.of(Operator.DESCEND_WITHOUT_TEST)), applied);
  }

  @Test
  void mutantsKeepLineNumbersAndChangeTheSource() throws Exception {
    Layout layout = Layout.fromSystemProperties();
    Preparer preparer = new Preparer(layout);
    Map<CorpusClass, String> originals = new HashMap<>();
    for (Mutant m : new MutationHarness(layout).allMutants()) {
      if (!originals.containsKey(m.corpusClass())) {
        originals.put(m.corpusClass(), preparer.prepare(m.corpusClass()).original());
      }
      String original = originals.get(m.corpusClass());
      assertFalse(original.equals(m.source()), m.id() + " changes nothing");
      assertEquals(original.lines().count(), m.source().lines().count(), m.id() + " moved lines");
    }
  }

  private static double recordedScore(Path file, String mode) throws Exception {
    for (String line : Files.readAllLines(file, UTF_8)) {
      String l = line.strip();
      if (l.startsWith(mode + " ")) {
        return Double.parseDouble(l.substring(mode.length() + 1).strip().replace("%", ""));
      }
    }
    throw new IllegalStateException(file + " has no '" + mode + " <percent>' line");
  }
}

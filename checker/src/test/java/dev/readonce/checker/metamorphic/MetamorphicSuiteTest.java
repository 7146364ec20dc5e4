package dev.readonce.checker.metamorphic;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.readonce.checker.metamorphic.VariantCompiler.Outcome;
import dev.readonce.checker.metamorphic.VariantCompiler.Unit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every case of every check's tests, re-run under every {@link Rewritings semantics-preserving
 * rewriting}: the verdict — which rule, at which statement — must not change. Pairs listed in
 * {@code known-failures.txt} must still differ (the list only shrinks).
 */
@ExtendWith(SharedCorpus.class)
class MetamorphicSuiteTest {

  private static final String KNOWN = "/metamorphic/known-failures.txt";

  @Test
  void verdictsSurviveEveryRewriting(Corpus corpus) {
    Map<String, String> known = KnownFailures.load(KNOWN);

    List<String> sanity = corpus.baselineProblems();
    int applied = 0;
    List<String> notCompiling = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    Set<String> stillFailing = new TreeSet<>();
    for (Corpus.Variant v : corpus.variants()) {
      Outcome outcome = corpus.outcome(v.unit());
      if (!outcome.errors().isEmpty()) {
        notCompiling.add(v.key() + ": " + outcome.errors().get(0));
        continue;
      }
      applied++;
      Set<String> before = corpus.baselineVerdict(v.marked());
      Set<String> after = Verdict.of(v.unit(), outcome.found());
      if (before.equals(after)) {
        continue;
      }
      if (known.containsKey(v.key())) {
        stillFailing.add(v.key());
        continue;
      }
      changed.add(diff(v, before, after, corpus.root()));
    }
    Set<String> fixed = new TreeSet<>(known.keySet());
    fixed.removeAll(stillFailing);

    System.out.printf(
        "Metamorphic suite: %d cases x %d rewritings: %d (case x rewriting) pairs applied,"
            + " %d changed, %d known failures still failing (of %d listed),"
            + " %d variants that do not compile (not counted), %d chains skipped%n",
        corpus.cases().size(),
        Rewritings.all().size(),
        applied,
        changed.size(),
        stillFailing.size(),
        known.size(),
        notCompiling.size(),
        corpus.skipped().size());
    corpus.skipped().forEach(s -> System.out.println("  skipped chain: " + s));
    notCompiling.forEach(s -> System.out.println("  variant does not compile: " + s));

    assertTrue(
        sanity.isEmpty(), "baselines disagree with the tests:\n" + String.join("\n", sanity));
    for (Rewriting r : Rewritings.all()) {
      long n = corpus.variants().stream().filter(v -> v.rewriting().equals(r.name())).count();
      System.out.printf("  %-32s applies to %3d cases%n", r.name(), n);
      assertTrue(n > 0, r.name() + " applies to no case: it tests nothing");
    }
    List<String> problems = new ArrayList<>(changed);
    for (String f : fixed) {
      problems.add(f + ": listed as a known failure but its verdict no longer changes (or it no"
          + " longer applies); remove it from " + KNOWN);
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " problems:\n" + String.join("\n\n", problems));
    }
  }

  private static String diff(Corpus.Variant v, Set<String> before, Set<String> after, Path root) {
    StringBuilder b = new StringBuilder(v.key()).append(" (variant in ")
        .append(root.resolve(v.unit().pkg())).append("):");
    for (String p : before) {
      if (!after.contains(p)) {
        b.append("\n  - ").append(Verdict.describe(p, v.marked()));
      }
    }
    for (String p : after) {
      if (!before.contains(p)) {
        b.append("\n  + ").append(Verdict.describe(p, v.marked()));
      }
    }
    return b.toString();
  }
}

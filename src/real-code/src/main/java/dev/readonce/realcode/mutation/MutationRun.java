package dev.readonce.realcode.mutation;

import dev.readonce.realcode.CheckResult;
import dev.readonce.realcode.CheckRunner;
import dev.readonce.realcode.Finding;
import dev.readonce.realcode.PreparedClass;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles mutants of one corpus class in this JVM (one javac and Error Prone run each, the checks'
 * classes loaded once) and judges each against the original's findings.
 */
public final class MutationRun {

  private final CheckRunner runner;
  private final PreparedClass prepared;
  private final Path root;
  private final List<Finding> original;

  /** Compiles the original once; its findings are the baseline every mutant is compared with. */
  public MutationRun(CheckRunner runner, PreparedClass prepared, Path root) throws IOException {
    this.runner = runner;
    this.prepared = prepared;
    this.root = root;
    CheckResult result = runner.run(prepared, prepared.original(), root);
    if (!result.errors().isEmpty()) {
      throw new IllegalStateException(
          prepared.corpusClass().name() + " does not compile: " + result.errors());
    }
    this.original = result.findings();
  }

  public MutantResult judge(Mutant m) throws IOException {
    if (m.equivalent() != null) {
      return new MutantResult(m, Outcome.EQUIVALENT, List.of(), List.of());
    }
    CheckResult result = runner.run(prepared, m.source(), root);
    if (!result.errors().isEmpty()) {
      return new MutantResult(m, Outcome.STILLBORN, List.of(), result.errors());
    }
    List<Finding> fresh = newFindings(result.findings());
    Outcome outcome;
    if (fresh.isEmpty()) {
      outcome = Outcome.SURVIVED;
    } else if (fresh.stream()
        .anyMatch(
            f ->
                f.rule().equals(m.operator().rule())
                    && f.line() >= m.line()
                    && f.line() <= m.lastLine())) {
      outcome = Outcome.KILLED_EXACT;
    } else {
      outcome = Outcome.KILLED_OTHERWISE;
    }
    return new MutantResult(m, outcome, fresh, List.of());
  }

  /** The mutant's findings minus the original's (as multisets of line and rule). */
  private List<Finding> newFindings(List<Finding> mutant) {
    Map<String, Integer> base = new HashMap<>();
    original.forEach(f -> base.merge(f.key(), 1, Integer::sum));
    List<Finding> out = new ArrayList<>();
    for (Finding f : mutant) {
      if (base.getOrDefault(f.key(), 0) > 0) {
        base.merge(f.key(), -1, Integer::sum);
      } else {
        out.add(f);
      }
    }
    return out;
  }
}

package dev.readonce.realcode.mutation;

import dev.readonce.realcode.CheckRunner;
import dev.readonce.realcode.Finding;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The mutation score, per operator and per rule, and the survivors.
 *
 * @param results every judged mutant
 */
public record MutationReport(List<MutantResult> results) {

  /** Mutants that compiled and are not equivalent (the score's denominator). */
  public long made() {
    return results.stream().filter(r -> counted(r.outcome())).count();
  }

  private static boolean counted(Outcome o) {
    return o != Outcome.STILLBORN && o != Outcome.EQUIVALENT;
  }

  public long count(Outcome o) {
    return results.stream().filter(r -> r.outcome() == o).count();
  }

  /** Killed with the exact rule at the mutated statement, as a fraction of the mutants made. */
  public double score() {
    return made() == 0 ? 0 : (double) count(Outcome.KILLED_EXACT) / made();
  }

  /** The report as Markdown tables. */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Mutation score: %d of %d mutants killed with the exact rule at the mutated statement"
                + " (%.1f%%); %d killed otherwise, %d survived, %d did not compile, %d equivalent"
                + " (left out).%n%n",
            count(Outcome.KILLED_EXACT),
            made(),
            100 * score(),
            count(Outcome.KILLED_OTHERWISE),
            count(Outcome.SURVIVED),
            count(Outcome.STILLBORN),
            count(Outcome.EQUIVALENT)));
    b.append(
        "| operator | rule | made | killed, exact | killed otherwise | survived | did not compile"
            + " | equivalent |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    for (Operator op : Operator.values()) {
      Map<Outcome, Long> c =
          counts(results.stream().filter(r -> r.mutant().operator() == op).toList());
      long made =
          c.values().stream().mapToLong(Long::longValue).sum()
              - c.get(Outcome.STILLBORN)
              - c.get(Outcome.EQUIVALENT);
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %d | %d | %d | %d |%n",
              op.description(),
              op.rule(),
              made,
              c.get(Outcome.KILLED_EXACT),
              c.get(Outcome.KILLED_OTHERWISE),
              c.get(Outcome.SURVIVED),
              c.get(Outcome.STILLBORN),
              c.get(Outcome.EQUIVALENT)));
    }
    b.append(
        "\n"
            + "| rule | mutants meant for it | killed by it, exact | mutants on which it reported"
            + " anything new |\n");
    b.append("|---|---|---|---|\n");
    for (String rule : CheckRunner.RULES) {
      List<MutantResult> meant =
          results.stream()
              .filter(
                  r -> counted(r.outcome()) && r.mutant().operator().rule().equals(rule))
              .toList();
      long exact = meant.stream().filter(r -> r.outcome() == Outcome.KILLED_EXACT).count();
      long any =
          results.stream()
              .filter(r -> r.newFindings().stream().anyMatch(f -> f.rule().equals(rule)))
              .count();
      b.append(
          String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", rule, meant.size(), exact, any));
    }
    List<MutantResult> notExact =
        results.stream()
            .filter(r -> r.outcome() == Outcome.SURVIVED || r.outcome() == Outcome.KILLED_OTHERWISE)
            .toList();
    if (!notExact.isEmpty()) {
      b.append("\nNot killed with the exact rule:\n\n");
      for (MutantResult r : notExact) {
        b.append("- `")
            .append(r.mutant().id())
            .append("` ")
            .append(r.outcome().name().toLowerCase(Locale.ROOT))
            .append(": ")
            .append(r.mutant().what().replaceAll("\\s+", " "));
        if (!r.newFindings().isEmpty()) {
          b.append(" (reported: ")
              .append(r.newFindings().stream().map(Finding::key).collect(Collectors.joining(", ")))
              .append(")");
        }
        b.append('\n');
      }
    }
    List<MutantResult> stillborn =
        results.stream().filter(r -> r.outcome() == Outcome.STILLBORN).toList();
    if (!stillborn.isEmpty()) {
      b.append("\nDid not compile (not in the score):\n\n");
      for (MutantResult r : stillborn) {
        b.append("- `")
            .append(r.mutant().id())
            .append("`: ")
            .append(r.mutant().what().replaceAll("\\s+", " "))
            .append(" (")
            .append(r.errors().isEmpty() ? "" : r.errors().get(0))
            .append(")\n");
      }
    }
    List<MutantResult> equivalent =
        results.stream().filter(r -> r.outcome() == Outcome.EQUIVALENT).toList();
    if (!equivalent.isEmpty()) {
      b.append("\nEquivalent (not compiled, not in the score):\n\n");
      for (MutantResult r : equivalent) {
        b.append("- `")
            .append(r.mutant().id())
            .append("`: ")
            .append(r.mutant().what().replaceAll("\\s+", " "))
            .append(" (")
            .append(r.mutant().equivalent())
            .append(")\n");
      }
    }
    return b.toString();
  }

  private static Map<Outcome, Long> counts(List<MutantResult> rs) {
    Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      m.put(o, rs.stream().filter(r -> r.outcome() == o).count());
    }
    return m;
  }
}

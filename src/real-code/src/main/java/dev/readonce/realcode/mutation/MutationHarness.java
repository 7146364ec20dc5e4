package dev.readonce.realcode.mutation;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.readonce.realcode.CheckRunner;
import dev.readonce.realcode.Corpus;
import dev.readonce.realcode.CorpusClass;
import dev.readonce.realcode.Layout;
import dev.readonce.realcode.PreparedClass;
import dev.readonce.realcode.Preparer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Makes every mutant of every corpus class, picks all of them or a fixed seeded sample, compiles
 * them with the checks and reports the score. {@code main} writes the report to {@code
 * target/realcode/mutation-report.md} and prints it.
 */
public final class MutationHarness {

  private final Layout layout;
  private final Preparer preparer;
  private final Mutator mutator = new Mutator();
  private final CheckRunner runner = new CheckRunner();

  public MutationHarness(Layout layout) throws IOException {
    this.layout = layout;
    this.preparer = new Preparer(layout);
  }

  /** Every mutant of every corpus class, in a stable order. */
  public List<Mutant> allMutants() throws IOException {
    List<Mutant> all = new ArrayList<>();
    for (CorpusClass c : Corpus.classes()) {
      all.addAll(mutator.mutants(preparer.prepare(c)));
    }
    return all;
  }

  /**
   * A fixed sample, stratified so that every class and every operator with mutants is in it: the
   * mutants that are not equivalent, grouped by class and operator (groups in name order, each
   * shuffled with the seed), taken one per group in turn until {@code size}. A breach that one
   * operator on one class stops catching therefore shows in the sample, not only in the sweep.
   */
  public static List<Mutant> sample(List<Mutant> all, int size, long seed) {
    Map<String, List<Mutant>> groups = new TreeMap<>();
    all.stream()
        .filter(m -> m.equivalent() == null)
        .sorted(Comparator.comparing(Mutant::id))
        .forEach(
            m ->
                groups
                    .computeIfAbsent(
                        m.corpusClass().simpleName() + " " + m.operator(), k -> new ArrayList<>())
                    .add(m));
    Random random = new Random(seed);
    groups.values().forEach(g -> Collections.shuffle(g, random));
    List<Mutant> out = new ArrayList<>();
    for (int round = 0; out.size() < size; round++) {
      boolean any = false;
      for (List<Mutant> g : groups.values()) {
        if (round < g.size() && out.size() < size) {
          out.add(g.get(round));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return List.copyOf(out);
  }

  /** Judges the mutants, one compilation each, the original of each class compiled once. */
  public MutationReport run(List<Mutant> mutants) throws IOException {
    Map<CorpusClass, List<Mutant>> byClass = new LinkedHashMap<>();
    for (Mutant m : mutants) {
      byClass.computeIfAbsent(m.corpusClass(), k -> new ArrayList<>()).add(m);
    }
    List<MutantResult> results = new ArrayList<>();
    for (Map.Entry<CorpusClass, List<Mutant>> e : byClass.entrySet()) {
      PreparedClass prepared = preparer.prepare(e.getKey());
      Path root = layout.work().resolve("mutants").resolve(e.getKey().simpleName());
      MutationRun run = new MutationRun(runner, prepared, root);
      for (Mutant m : e.getValue()) {
        results.add(run.judge(m));
      }
    }
    return new MutationReport(List.copyOf(results));
  }

  /** {@code MutationHarness all | sample <size> <seed> | matching <id substring>}. */
  public static void main(String[] args) throws Exception {
    Layout layout = Layout.fromSystemProperties();
    MutationHarness harness = new MutationHarness(layout);
    List<Mutant> all = harness.allMutants();
    String mode = args.length > 0 ? args[0] : "all";
    List<Mutant> chosen =
        switch (mode) {
          case "all" -> all;
          case "matching" -> all.stream().filter(m -> m.id().contains(args[1])).toList();
          default -> sample(all, Integer.parseInt(args[1]), Long.parseLong(args[2]));
        };
    MutationReport report = harness.run(chosen);
    String text = report.render();
    Files.createDirectories(layout.work());
    Files.writeString(layout.work().resolve("mutation-report-" + mode + ".md"), text, UTF_8);
    System.out.println(text);
  }
}

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

  /** A fixed sample: the stable list shuffled with the seed, its first {@code size} mutants. */
  public static List<Mutant> sample(List<Mutant> all, int size, long seed) {
    List<Mutant> shuffled = new ArrayList<>(all);
    shuffled.sort(Comparator.comparing(Mutant::id));
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
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

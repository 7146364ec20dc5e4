package dev.readonce.bench.compile;

import dev.readonce.bench.compile.AlternatingRounds.Samples;
import dev.readonce.bench.javac.Configuration;
import dev.readonce.bench.javac.Corpora;
import dev.readonce.bench.javac.Corpus;
import dev.readonce.bench.javac.InProcessJavac;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The compile-overhead benchmark: plain javac, javac + Error Prone with every check off, and the
 * same + the six ReadOnce checks, on Guava's sources and on the slot-dense corpus; prints medians
 * and ratios, and whether the overhead targets are met.
 *
 * <p>Options: {@code --work DIR --guava DIR --walker-sources DIR --walker-classpath PATH [--warmup
 * 2] [--rounds 7] [--generated-classes 300] [--seed N] [--only guava|slot-dense] [--configs A,B]}.
 */
public final class CompileOverhead {

  private CompileOverhead() {}

  public static void main(String[] argv) throws IOException {
    Args args = new Args(argv);
    Path work = args.path("work");
    Files.createDirectories(work);
    int warmup = args.integer("warmup", 2);
    int rounds = args.integer("rounds", 7);
    String only = args.string("only", "");
    // --configs EP_READONCE runs one configuration alone (for a profiler); the report needs all.
    List<Configuration> configs =
        java.util.Arrays.stream(args.string("configs", "PLAIN,EP_NO_CHECKS,EP_READONCE").split(","))
            .map(Configuration::valueOf)
            .toList();
    InProcessJavac javac = new InProcessJavac(work);
    AlternatingRounds runner = new AlternatingRounds(javac, System.out);

    List<Target> targets = new ArrayList<>();
    if (!only.equals("slot-dense")) {
      Corpus guava = Corpora.library("guava-33.4.0", args.path("guava"), work.resolve("src"));
      targets.add(new Target(guava, 3.0));
    }
    if (!only.equals("guava")) {
      targets.add(new Target(SlotDenseCorpus.create(args, work), 15.0));
    }
    List<String> report = new ArrayList<>();
    for (Target t : targets) {
      System.out.printf(
          "%s: %d files, %d lines%n", t.corpus.name(), t.corpus.sources().size(), t.corpus.lines());
      Samples samples = runner.run(t.corpus, configs, warmup, rounds);
      if (configs.size() < Configuration.values().length) {
        continue;
      }
      report.add(OverheadReport.format(t.corpus, samples, t.targetPercent, warmup, rounds));
    }
    System.out.println();
    report.forEach(System.out::println);
  }

  private record Target(Corpus corpus, double targetPercent) {}
}

package dev.readonce.bench.compile;

import dev.readonce.bench.compile.AlternatingRounds.Samples;
import dev.readonce.bench.javac.Configuration;
import dev.readonce.bench.javac.Corpora;
import dev.readonce.bench.javac.Corpus;
import dev.readonce.bench.javac.ForkedJavac;
import dev.readonce.bench.javac.InProcessJavac;
import dev.readonce.bench.javac.JavacRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The compile-overhead benchmark: javac + Error Prone with every check off against the same + the
 * six ReadOnce checks, in alternating rounds, on Guava's sources, the slot-dense corpus, the real
 * {@code ConcurrentHashMap} and the real-code corpus (six published classes, one compilation each,
 * summed per round); prints medians, per-round ratios with their spread and confidence interval,
 * and whether the overhead targets are met.
 *
 * <p>Two modes, as users pay it:
 *
 * <ul>
 *   <li>{@code warm}: Error Prone and the checker are on this JVM's class path, so the processor
 *       class loader javac builds delegates to it and every round reuses loaded, JIT-compiled
 *       classes (a long-lived compiler: an IDE, a Gradle daemon);
 *   <li>{@code cold}: this JVM's class path holds only the harness, and Error Prone and the
 *       checker come from {@code --processor-path}: javac builds a fresh class loader for that path
 *       in every compilation, exactly as {@code maven-compiler-plugin} does with {@code
 *       annotationProcessorPaths} in every module, so their classes are loaded, interpreted and
 *       JIT-compiled anew each time (javac's own classes stay warm, as in a Maven reactor);
 *   <li>{@code fresh}: a fresh JVM per compilation (the {@code javac} launcher), as a single-module
 *       build or a first module pays it: javac itself starts cold too.
 * </ul>
 *
 * <p>Options: {@code --work DIR --mode warm|cold [--processor-path PATH] --guava DIR
 * --walker-sources DIR --walker-classpath PATH --chm-src-zip FILE --chm-declarations FILE[,FILE...]
 * --real-code DIR --checker-declarations DIR [--warmup 2] [--rounds 10] [--generated-classes 300]
 * [--seed N] [--only guava,slot-dense,chm,real-code] [--configs A,B] [--results FILE]
 * [--floor-results FILE]}. The real-code corpus takes its JDK classes from {@code --chm-src-zip}.
 * With {@code --configs EP_NO_CHECKS,EP_READONCE,EP_FLOOR} it also prints (and appends to {@code
 * --floor-results}) the floor table: the Checker Framework's CFGs and fixpoint alone against both
 * ({@link FloorReport}).
 */
public final class CompileOverhead {

  /** The configurations of the floor table (see {@link FloorReport}). */
  private static final List<Configuration> FLOOR_CONFIGS =
      List.of(Configuration.EP_NO_CHECKS, Configuration.EP_READONCE, Configuration.EP_FLOOR);

  private CompileOverhead() {}

  public static void main(String[] argv) throws IOException {
    Args args = new Args(argv);
    Path work = args.path("work");
    Files.createDirectories(work);
    String mode = args.string("mode", "warm");
    int warmup = args.integer("warmup", 2);
    int rounds = args.integer("rounds", 10);
    List<String> only = List.of(args.string("only", "guava,slot-dense,chm,real-code").split(","));
    // --configs EP_READONCE runs one configuration alone (for a profiler); the report needs both.
    List<Configuration> configs =
        java.util.Arrays.stream(args.string("configs", "EP_NO_CHECKS,EP_READONCE").split(","))
            .map(Configuration::valueOf)
            .toList();
    JavacRunner javac;
    if (mode.equals("fresh")) {
      javac =
          new ForkedJavac(
              work,
              args.string("processor-path"),
              java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                  .filter(a -> a.startsWith("--add-"))
                  .toList());
    } else if (mode.equals("cold")) {
      requireCold();
      javac = new InProcessJavac(work, args.string("processor-path"));
    } else if (mode.equals("warm")) {
      javac = new InProcessJavac(work);
    } else {
      throw new IllegalArgumentException("--mode must be warm, cold or fresh, not " + mode);
    }
    AlternatingRounds runner = new AlternatingRounds(javac, System.out);

    List<Target> targets = new ArrayList<>();
    boolean cold = !mode.equals("warm");
    if (only.contains("guava")) {
      Corpus guava = Corpora.library("guava-33.4.0", args.path("guava"), work.resolve("src"));
      targets.add(new Target(guava, cold ? 3.0 : 2.0, false));
    }
    if (only.contains("slot-dense")) {
      targets.add(new Target(SlotDenseCorpus.create(args, work), cold ? 20.0 : 15.0, true));
    }
    if (only.contains("chm")) {
      Corpus chm =
          ChmCorpus.create(args.path("chm-src-zip"), args.string("chm-declarations"), work);
      targets.add(new Target(chm, cold ? 15.0 : 10.0, false));
    }
    if (only.contains("real-code")) {
      // No target in the issue: NaN prints as "no target". The corpus expects no finding
      // (src/real-code/corpus/expected-findings.txt is empty).
      RealCodeCorpus.Compilations real =
          RealCodeCorpus.create(
              args.path("real-code"),
              args.path("chm-src-zip"),
              args.path("checker-declarations"),
              work);
      targets.add(new Target(real.whole(), Double.NaN, true, real.classes()));
    }
    List<String> report = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<String> floorReport = new ArrayList<>();
    List<String> floorLines = new ArrayList<>();
    for (Target t : targets) {
      System.out.printf(
          "%s (%s): %d files, %d lines%n",
          t.corpus.name(), mode, t.corpus.sources().size(), t.corpus.lines());
      if (t.compilations.size() > 1) {
        for (Corpus c : t.compilations) {
          System.out.printf("  %s: %d files, %d lines%n", c.name(), c.sources().size(), c.lines());
        }
      }
      // A corpus that expects no finding fails at the first compilation that reports one.
      AlternatingRounds rounder =
          t.noFindings ? new AlternatingRounds(new NoFindings(javac), System.out) : runner;
      String loadBefore = FloorReport.load();
      Samples samples = rounder.run(t.corpus, t.compilations, configs, warmup, rounds);
      if (configs.containsAll(FLOOR_CONFIGS)) {
        String loadAfter = FloorReport.load();
        List<FloorReport> rows = new ArrayList<>();
        for (Measure m : Measure.values()) {
          rows.add(
              FloorReport.of(
                  mode, t.corpus.name(), samples, m, t.targetPercent, loadBefore, loadAfter));
        }
        floorReport.add(FloorReport.table(rows));
        rows.forEach(r -> floorLines.add(r.line()));
      }
      if (!configs.containsAll(List.of(Configuration.EP_NO_CHECKS, Configuration.EP_READONCE))) {
        continue;
      }
      report.add(OverheadReport.format(mode, t.corpus, samples, t.targetPercent, warmup, rounds));
      for (Measure m : Measure.values()) {
        lines.add(OverheadReport.overhead(mode, t.corpus, samples, m, t.targetPercent).line());
      }
    }
    System.out.println();
    report.forEach(System.out::println);
    floorReport.forEach(System.out::println);
    if (args.has("floor-results") && !floorLines.isEmpty()) {
      Files.write(
          args.path("floor-results"),
          floorLines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    if (args.has("results") && !lines.isEmpty()) {
      Files.write(
          args.path("results"),
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /**
   * A cold run is only cold if this JVM cannot load Error Prone itself: javac's processor class
   * loader delegates to this JVM's class path first.
   */
  private static void requireCold() {
    try {
      Class.forName("com.google.errorprone.BugPattern");
      throw new IllegalStateException(
          "cold mode needs a class path without Error Prone (it is on this JVM's class path)");
    } catch (ClassNotFoundException expected) {
      // As in Maven, whose own class path holds only its launcher.
    }
  }

  /**
   * One corpus to measure.
   *
   * @param corpus the corpus as the tables name it
   * @param targetPercent the target overhead, or NaN for none
   * @param noFindings whether any finding fails the run
   * @param compilations the javac runs of one round (the corpus itself, or one per class)
   */
  private record Target(
      Corpus corpus, double targetPercent, boolean noFindings, List<Corpus> compilations) {

    Target(Corpus corpus, double targetPercent, boolean noFindings) {
      this(corpus, targetPercent, noFindings, List.of(corpus));
    }
  }
}

package dev.readonce.bench.compile;

import dev.readonce.bench.gen.LongMethodGenerator;
import dev.readonce.bench.javac.Configuration;
import dev.readonce.bench.javac.Corpora;
import dev.readonce.bench.javac.Corpus;
import dev.readonce.bench.javac.InProcessJavac;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scaling benchmark: for methods of N slot reads, the analysis time (the compile cost with the
 * ReadOnce checks minus that with Error Prone and no checks, paired per round; cost is the
 * compiling thread's CPU time plus GC time, see {@code Clock}), a table, a fitted line and a fitted
 * power-law exponent (1 = linear, 2 = quadratic).
 *
 * <p>Options: {@code --work DIR --classpath PATH [--sizes 50,100,...] [--warmup 3] [--rounds 9]
 * [--configs EP_NO_CHECKS,EP_READONCE[,EP_FLOOR][,EP_CFG]]}. The floor configurations add a second
 * table: the Checker Framework's CFG builder alone and with a trivial fixpoint, against N.
 */
public final class Scaling {

  private Scaling() {}

  public static void main(String[] argv) throws IOException {
    Args args = new Args(argv);
    Path work = args.path("work");
    Files.createDirectories(work);
    int[] sizes =
        Arrays.stream(args.string("sizes", "50,100,200,400,600,800,1000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int warmup = args.integer("warmup", 3);
    int rounds = args.integer("rounds", 9);
    List<Path> classpath = Corpora.splitPath(args.string("classpath"));
    List<Configuration> configs =
        Arrays.stream(args.string("configs", "EP_NO_CHECKS,EP_READONCE").split(","))
            .map(Configuration::valueOf)
            .toList();
    if (configs.size() < 2
        || configs.get(0) != Configuration.EP_NO_CHECKS
        || configs.get(1) != Configuration.EP_READONCE) {
      throw new IllegalArgumentException(
          "--configs must start with EP_NO_CHECKS,EP_READONCE (then EP_FLOOR, EP_CFG), not "
              + configs);
    }
    InProcessJavac javac = new InProcessJavac(work);
    String loadBefore = FloorReport.load();

    List<Corpus> corpora = new ArrayList<>();
    for (int n : sizes) {
      Path file = LongMethodGenerator.write(work.resolve("src"), n);
      corpora.add(new Corpus(LongMethodGenerator.className(n), List.of(file), classpath));
    }
    // Per size and configuration, one cost (compiling thread's CPU + GC) per measured round.
    long[][][] nanos = new long[sizes.length][configs.size()][rounds];
    for (int round = 0; round < warmup + rounds; round++) {
      for (int j = 0; j < sizes.length; j++) {
        int i = (j + round) % sizes.length;
        for (int k = 0; k < configs.size(); k++) {
          int c = (k + round) % configs.size();
          List<String> options = new ArrayList<>(configs.get(c).options());
          // The walker is a jar here: javac reads the parameter names that @LocksSlot("pmdp")
          // refers to from its class files only when the compilation itself has -parameters.
          options.add("-parameters");
          // Stop after flow analysis, where Error Prone runs: the largest methods exceed the JVM's
          // 64 KiB code limit, and code generation is the same with or without the checks.
          options.add("--should-stop=ifNoError=FLOW");
          long t = javac.compile(corpora.get(i), options).time().costNanos();
          if (round >= warmup) {
            nanos[i][c][round - warmup] = t;
          }
        }
      }
      System.out.printf("  round %d%s done%n", round + 1, round < warmup ? " (warm-up)" : "");
    }
    System.out.println();
    System.out.println(ScalingReport.format(sizes, corpora, nanos, warmup, rounds));
    if (configs.size() > 2) {
      System.out.println(ScalingReport.floor(sizes, corpora, nanos, configs));
    }
    System.out.printf(
        "Load average (1 min) at the start: %s; at the end: %s (2 cores).%n",
        loadBefore, FloorReport.load());
  }
}

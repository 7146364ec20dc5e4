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
 * <p>Options: {@code --work DIR --classpath PATH [--sizes 50,100,...] [--warmup 3] [--rounds 9]}.
 */
public final class Scaling {

  private static final List<Configuration> CONFIGS =
      List.of(Configuration.EP_NO_CHECKS, Configuration.EP_READONCE);

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
    InProcessJavac javac = new InProcessJavac(work);

    List<Corpus> corpora = new ArrayList<>();
    for (int n : sizes) {
      Path file = LongMethodGenerator.write(work.resolve("src"), n);
      corpora.add(new Corpus(LongMethodGenerator.className(n), List.of(file), classpath));
    }
    // Per size and configuration, one cost (compiling thread's CPU + GC) per measured round.
    long[][][] nanos = new long[sizes.length][CONFIGS.size()][rounds];
    for (int round = 0; round < warmup + rounds; round++) {
      for (int j = 0; j < sizes.length; j++) {
        int i = (j + round) % sizes.length;
        for (int k = 0; k < CONFIGS.size(); k++) {
          int c = (k + round) % CONFIGS.size();
          List<String> options = new ArrayList<>(CONFIGS.get(c).options());
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
  }
}

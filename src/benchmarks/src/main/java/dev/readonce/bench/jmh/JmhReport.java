package dev.readonce.bench.jmh;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks (taking JMH's own command-line options) and prints, besides JMH's table,
 * the ratios the performance page quotes, each with its error bar: fixed / pre-RFC walk throughput
 * (goal at least 0.95) and opaque / plain, acquire / plain read time.
 */
public final class JmhReport {

  private JmhReport() {}

  public static void main(String[] args) throws CommandLineOptionException, RunnerException {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    Map<String, Result<?>> byName = new HashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      byName.put(
          name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
          r.getPrimaryResult());
    }
    System.out.println();
    ratio(byName, "WalkerBench.fixedWalk", "WalkerBench.preRfcWalk", 0.95);
    ratio(byName, "SlotReadBench.opaque", "SlotReadBench.plain", Double.NaN);
    ratio(byName, "SlotReadBench.acquire", "SlotReadBench.plain", Double.NaN);
  }

  /**
   * Prints {@code a / b} with the error propagated from JMH's 99.9% confidence intervals (relative
   * errors added in quadrature), and the verdict against {@code goal} if one is given.
   */
  private static void ratio(Map<String, Result<?>> results, String a, String b, double goal) {
    Result<?> x = results.get(a);
    Result<?> y = results.get(b);
    if (x == null || y == null) {
      return;
    }
    double r = x.getScore() / y.getScore();
    double ex = relative(x);
    double ey = relative(y);
    double err = r * Math.sqrt(ex * ex + ey * ey);
    String verdict = "";
    if (!Double.isNaN(goal)) {
      verdict =
          String.format(
              "; goal at least %.2f: %s%s",
              goal,
              r >= goal ? "MET" : "MISSED",
              r - err < goal && r >= goal ? " (within the error bar)" : "");
    }
    System.out.printf("%s / %s = %.3f ± %.3f (%s)%s%n", a, b, r, err, x.getScoreUnit(), verdict);
  }

  private static double relative(Result<?> r) {
    double e = r.getScoreError();
    return Double.isNaN(e) ? 0 : e / r.getScore();
  }
}

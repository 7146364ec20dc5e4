package dev.readonce.bench.compile;

import dev.readonce.bench.compile.AlternatingRounds.Samples;
import dev.readonce.bench.javac.Configuration;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor's row of one corpus, mode and measure: the floor ({@link Configuration#EP_FLOOR}: the
 * Checker Framework's CFGs and fixpoint alone) and the checks over Error Prone with every check
 * off, and the checks over the floor (ReadOnce's own code), each the median of the per-round ratios
 * with its 95% interval.
 *
 * @param mode warm, cold or fresh
 * @param corpus the corpus name
 * @param measure the measure
 * @param rounds the measured rounds
 * @param targetPercent the corpus's target for the checks over Error Prone with no checks
 * @param floor the floor over Error Prone with no checks
 * @param readOnce the checks over Error Prone with no checks
 * @param ownCode the checks over the floor
 * @param floorAddsMillis the median of the per-round differences floor minus no checks
 * @param readOnceAddsMillis the median of the per-round differences checks minus no checks
 * @param loadBefore the load average (1 min) when the corpus's rounds began
 * @param loadAfter the load average when they ended
 */
record FloorReport(
    String mode,
    String corpus,
    Measure measure,
    int rounds,
    double targetPercent,
    Ratio floor,
    Ratio readOnce,
    Ratio ownCode,
    double floorAddsMillis,
    double readOnceAddsMillis,
    String loadBefore,
    String loadAfter) {

  /** A median of per-round ratios and its 95% interval, as percentages over 1. */
  record Ratio(double medianPercent, double lowPercent, double highPercent) {

    static Ratio of(List<Double> ratios) {
      Stats.Interval ci = Stats.medianInterval(ratios, 0.95);
      return new Ratio(
          (Stats.median(ratios) - 1) * 100, (ci.low() - 1) * 100, (ci.high() - 1) * 100);
    }

    String format() {
      return String.format("%+.1f%% (%+.1f … %+.1f%%)", medianPercent, lowPercent, highPercent);
    }
  }

  static FloorReport of(
      String mode,
      String corpus,
      Samples s,
      Measure m,
      double targetPercent,
      String loadBefore,
      String loadAfter) {
    Configuration off = Configuration.EP_NO_CHECKS;
    Configuration floor = Configuration.EP_FLOOR;
    Configuration on = Configuration.EP_READONCE;
    return new FloorReport(
        mode,
        corpus,
        m,
        s.nanos(off, m).size(),
        targetPercent,
        Ratio.of(s.ratios(floor, off, m)),
        Ratio.of(s.ratios(on, off, m)),
        Ratio.of(s.ratios(on, floor, m)),
        Stats.median(differences(s.nanos(floor, m), s.nanos(off, m))) / 1e6,
        Stats.median(differences(s.nanos(on, m), s.nanos(off, m))) / 1e6,
        loadBefore,
        loadAfter);
  }

  /** The load average over the last minute, as {@code /proc/loadavg} gives it ("?" elsewhere). */
  static String load() {
    try {
      String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
      int space = line.indexOf(' ');
      return space < 0 ? line.strip() : line.substring(0, space);
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }


  private static List<Long> differences(List<Long> a, List<Long> b) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(a.get(i) - b.get(i));
    }
    return out;
  }

  /** One tab-separated line, read back by {@link FloorSummary}. */
  String line() {
    List<String> f = new ArrayList<>(List.of(mode, corpus, measure.name()));
    f.add(Integer.toString(rounds));
    f.add(Double.toString(targetPercent));
    for (Ratio r : List.of(floor, readOnce, ownCode)) {
      f.add(Double.toString(r.medianPercent()));
      f.add(Double.toString(r.lowPercent()));
      f.add(Double.toString(r.highPercent()));
    }
    f.add(Double.toString(floorAddsMillis));
    f.add(Double.toString(readOnceAddsMillis));
    f.add(loadBefore);
    f.add(loadAfter);
    return String.join("\t", f);
  }

  static FloorReport parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 18) {
      throw new IllegalArgumentException(
          "a floor result has 18 fields, not " + f.length + ": " + line);
    }
    double[] d = new double[16];
    for (int i = 4; i < 16; i++) {
      d[i] = Double.parseDouble(f[i]);
    }
    return new FloorReport(
        f[0],
        f[1],
        Measure.valueOf(f[2]),
        Integer.parseInt(f[3]),
        d[4],
        new Ratio(d[5], d[6], d[7]),
        new Ratio(d[8], d[9], d[10]),
        new Ratio(d[11], d[12], d[13]),
        d[14],
        d[15],
        f[16],
        f[17]);
  }

  /** The floor's share of what the checks add (medians of the per-round differences). */
  double floorShare() {
    return readOnceAddsMillis <= 0 ? Double.NaN : floorAddsMillis / readOnceAddsMillis;
  }

  /**
   * Whether the target is reachable with this engine: not if the floor alone is above it (its whole
   * interval, or its median), else by how much room it leaves ReadOnce's own code.
   */
  String verdict() {
    if (Double.isNaN(targetPercent)) {
      return "no target";
    }
    if (floor.lowPercent() > targetPercent) {
      return String.format(
          "unreachable: the floor alone is %.0f points above the target (its whole interval is"
              + " above)",
          floor.medianPercent() - targetPercent);
    }
    if (floor.medianPercent() > targetPercent) {
      return String.format(
          "unreachable by the median: the floor alone is %.0f points above (interval reaches"
              + " down to the target)",
          floor.medianPercent() - targetPercent);
    }
    return String.format(
        "reachable: the floor leaves %.0f points for ReadOnce's own code",
        targetPercent - floor.medianPercent());
  }

  /** A Markdown table of rows (one per corpus, mode and measure). */
  static String table(List<FloorReport> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| corpus | mode | measure | rounds | floor vs EP off | ReadOnce vs EP off | ReadOnce vs"
            + " floor (own code) | floor adds (ms) | ReadOnce adds (ms) | floor's share of"
            + " that | target | with this engine | load |\n");
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (FloorReport r : rows) {
      out.append(
          String.format(
              "| %s | %s | %s | %d | %s | %s | %s | %.0f | %.0f | %.0f%% | %s | %s | %s–%s"
                  + " |%n",
              r.corpus,
              r.mode,
              r.measure.label(),
              r.rounds,
              r.floor.format(),
              r.readOnce.format(),
              r.ownCode.format(),
              r.floorAddsMillis,
              r.readOnceAddsMillis,
              r.floorShare() * 100,
              Double.isNaN(r.targetPercent)
                  ? "none"
                  : String.format("≤ %+.0f%%", r.targetPercent),
              r.verdict(),
              r.loadBefore,
              r.loadAfter));
    }
    return out.toString();
  }
}

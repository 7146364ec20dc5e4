package dev.readonce.bench.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and least-squares fits over measured samples. */
public final class Stats {

  private Stats() {}

  /** The median (the mean of the middle two for an even count). */
  public static double median(List<? extends Number> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    List<Double> sorted = new ArrayList<>();
    samples.forEach(s -> sorted.add(s.doubleValue()));
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * A distribution-free confidence interval for the median: the order statistics {@code x(k)} and
   * {@code x(n+1-k)} with the largest {@code k} whose coverage, from the binomial distribution of
   * the number of samples below the median, is still at least {@code level}. With few samples no
   * such {@code k} exists, and the interval is the whole range, with the coverage it has.
   *
   * @param low the lower bound
   * @param high the upper bound
   * @param coverage the interval's actual coverage (at least {@code level} unless too few samples)
   */
  public record Interval(double low, double high, double coverage) {}

  /** The confidence interval of the median of {@code samples} at {@code level} (e.g. 0.95). */
  public static Interval medianInterval(List<? extends Number> samples, double level) {
    List<Double> sorted = new ArrayList<>();
    samples.forEach(s -> sorted.add(s.doubleValue()));
    Collections.sort(sorted);
    int n = sorted.size();
    // P(X < k) for X ~ Binomial(n, 1/2), accumulated for k = 1, 2, ...
    double[] cdf = new double[n + 1];
    double p = Math.pow(0.5, n);
    double acc = 0;
    for (int i = 0; i <= n; i++) {
      acc += p;
      cdf[i] = acc;
      p = p * (n - i) / (i + 1);
    }
    int k = 1;
    while (k + 1 <= (n + 1) / 2 && 1 - 2 * cdf[k] >= level) {
      k++;
    }
    double coverage = 1 - 2 * cdf[k - 1];
    return new Interval(sorted.get(k - 1), sorted.get(n - k), coverage);
  }

  /** The smallest sample. */
  public static double min(List<? extends Number> samples) {
    return samples.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
  }

  /** The largest sample. */
  public static double max(List<? extends Number> samples) {
    return samples.stream().mapToDouble(Number::doubleValue).max().orElseThrow();
  }

  /**
   * The least-squares line {@code y = intercept + slope * x}, and its coefficient of determination.
   */
  public record Fit(double slope, double intercept, double r2) {}

  /** Fits a line through the points. */
  public static Fit linear(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    double slope = sxy / sxx;
    double r2 = syy == 0 ? 1 : (sxy * sxy) / (sxx * syy);
    return new Fit(slope, my - slope * mx, r2);
  }

  /**
   * The exponent {@code k} of the power law {@code y = c * x^k} fitted in log-log space: 1 is
   * linear growth, 2 quadratic.
   */
  public static Fit powerLaw(double[] x, double[] y) {
    double[] lx = new double[x.length];
    double[] ly = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      lx[i] = Math.log(x[i]);
      ly[i] = Math.log(Math.max(y[i], 1e-9));
    }
    return linear(lx, ly);
  }
}

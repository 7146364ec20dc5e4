package dev.readonce.bench.javac;

import java.util.List;
import java.util.stream.Stream;

/** The compiler configurations the benchmarks compare, as javac options. */
public enum Configuration {
  /** javac alone. */
  PLAIN("javac", List.of()),
  /** javac with Error Prone loaded and every check off: the cost of the plugin's tree scans. */
  EP_NO_CHECKS("javac + EP (no checks)", List.of("-Xplugin:ErrorProne -XepDisableAllChecks")),
  /**
   * The same, with the six ReadOnce checks on (at WARN: the real ConcurrentHashMap has findings).
   */
  EP_READONCE(
      "javac + EP + ReadOnce",
      List.of("-Xplugin:ErrorProne -XepDisableAllChecks " + Checks.enabled("WARN"))),
  /**
   * The same checks with {@code -XepOpt:ReadOnce:Engine=floor}: the same bodies and Checker
   * Framework CFGs as {@link #EP_READONCE}, each with the framework's fixpoint over a one-element
   * store and nothing else: what the required engine costs alone (reports nothing).
   */
  EP_FLOOR(
      "javac + EP + floor (CFG + trivial fixpoint)",
      List.of(
          "-Xplugin:ErrorProne -XepDisableAllChecks "
              + Checks.enabled("WARN")
              + " -XepOpt:ReadOnce:Engine=floor")),
  /**
   * The same with {@code -XepOpt:ReadOnce:Engine=cfg}: the CFGs built and dropped, no fixpoint (no
   * callee forced for its summary, so exact only on a body that calls no method of its unit: the
   * scaling benchmark's).
   */
  EP_CFG(
      "javac + EP + CFG only",
      List.of(
          "-Xplugin:ErrorProne -XepDisableAllChecks "
              + Checks.enabled("WARN")
              + " -XepOpt:ReadOnce:Engine=cfg"));

  /** Options shared by every Error Prone configuration (Error Prone requires the policy). */
  static final List<String> ERROR_PRONE_COMMON =
      List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW");

  private final String label;

  // List.copyOf is unmodifiable, as the checker wants of an enum's fields; Guava's ImmutableList
  // would say so to it, but the cold runs put only this module's classes on the class path (the
  // compilers come from a fresh class loader per compilation), so the harness uses the JDK alone.
  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> options;

  Configuration(String label, List<String> options) {
    this.label = label;
    this.options = List.copyOf(options);
  }

  public String label() {
    return label;
  }

  /** The options that select this configuration (added to the common ones). */
  public List<String> options() {
    if (options.isEmpty()) {
      return options;
    }
    return Stream.concat(ERROR_PRONE_COMMON.stream(), options.stream()).toList();
  }
}

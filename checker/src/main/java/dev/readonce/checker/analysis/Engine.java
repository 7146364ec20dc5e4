package dev.readonce.checker.analysis;

/**
 * What runs over each body the checks analyze ({@code -XepOpt:ReadOnce:Engine}): the analysis, or
 * one of two benchmark aids that measure what the Checker Framework's dataflow costs on its own.
 */
public enum Engine {
  /** The slot analysis: findings and summaries (the default). */
  DATAFLOW,
  /**
   * The same bodies and CFGs, each with the framework's fixpoint over a one-element store and
   * nothing else ({@link FloorEngine}); reports nothing.
   */
  FLOOR,
  /**
   * The same bodies' CFGs, built and dropped: no fixpoint, so no callee is forced for its summary
   * (exact only where no call goes to a method of the unit with a body); reports nothing.
   */
  CFG
}

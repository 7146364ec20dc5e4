package dev.readonce.realcode.mutation;

/** What the checks did with one mutant. */
public enum Outcome {
  /** A new finding of the operator's rule at the mutated statement. */
  KILLED_EXACT,
  /** New findings, but not the operator's rule at the mutated statement. */
  KILLED_OTHERWISE,
  /** No new finding. */
  SURVIVED,
  /** The mutant does not compile (not counted in the score). */
  STILLBORN,
  /**
   * The mutant breaks no discipline, by the harness's stated criterion (a site in an object the
   * method has not published yet): not compiled, not counted in the score, listed.
   */
  EQUIVALENT
}

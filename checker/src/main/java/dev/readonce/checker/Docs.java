package dev.readonce.checker;

/** Where the checks' documentation pages live. */
final class Docs {

  /**
   * The pages ship in the repository next to the checker; the link names the file relative to
   * the repository root, which is where a reader of the diagnostic has them.
   */
  static final String BASE = "checker/docs/";

  private Docs() {}
}

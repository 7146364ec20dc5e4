package dev.readonce.checker;

import java.util.Optional;

/** Where the checks' documentation pages live. */
public final class Docs {

  /**
   * Without a hosted copy, the pages are files in the ReadOnce repository next to the checker; the
   * link names the file relative to the repository root (and {@code readonce explain <Check>}
   * prints the page from the ReadOnce jar).
   */
  static final String BASE = "checker/docs/";

  /** The placeholder a docs URL may contain for the check's name. */
  public static final String CHECK_PLACEHOLDER = "{check}";

  private Docs() {}

  /**
   * The link to a check's page: with a hosted docs URL, that URL with {@code {check}} replaced by
   * the check's name, or, when it has no placeholder, {@code <url>/<Check>.md}; without one, the
   * page's path in the repository.
   */
  public static String link(Optional<String> baseUrl, String check) {
    if (baseUrl.isEmpty() || baseUrl.get().isBlank()) {
      return BASE + check + ".md";
    }
    String base = baseUrl.get().strip();
    if (base.contains(CHECK_PLACEHOLDER)) {
      return base.replace(CHECK_PLACEHOLDER, check);
    }
    return (base.endsWith("/") ? base : base + "/") + check + ".md";
  }
}

package dev.readonce.realcode;

import java.util.List;

/**
 * One real class of the corpus: where its published source comes from and how it compiles.
 *
 * @param name the class's canonical name, as its declarations name it
 * @param origin where the source is taken from
 * @param entry the path of the source inside the origin (the src.zip entry, or the path in the
 *     unpacked sources jar)
 * @param shims files of this project's {@code corpus/shims} compiled beside the class, each listed
 *     with its reason on the docs page
 * @param declarations declarations files: {@code checker:<name>} for the checker's test resources,
 *     else a file of {@code corpus/decls}
 */
public record CorpusClass(
    String name, Origin origin, String entry, List<String> shims, List<String> declarations) {

  /** Where a corpus class's source comes from. */
  public enum Origin {
    /** Temurin 25's {@code lib/src.zip}, compiled as part of {@code java.base} (patched). */
    JDK("JDK 25 (Temurin 25.0, lib/src.zip)"),
    GUAVA("Guava 33.4.0-jre (com.google.guava:guava:33.4.0-jre:sources)"),
    RXJAVA("RxJava 3.1.10 (io.reactivex.rxjava3:rxjava:3.1.10:sources)"),
    NETTY_COMMON("Netty 4.1.115.Final (io.netty:netty-common:4.1.115.Final:sources)");

    private final String description;

    Origin(String description) {
      this.description = description;
    }

    /** The library, version and archive, for reports. */
    public String description() {
      return description;
    }

    /** The directory name under {@code target/upstream} that holds the unpacked sources. */
    String upstreamDir() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The path of the source file relative to its source root ({@code java/util/...}). */
  public String relativePath() {
    return name.replace('.', '/') + ".java";
  }

  /** The simple name of the top-level class. */
  public String simpleName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}

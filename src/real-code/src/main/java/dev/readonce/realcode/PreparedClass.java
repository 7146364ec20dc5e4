package dev.readonce.realcode;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.readonce.realcode.CorpusClass.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A corpus class extracted, edited and ready to compile.
 *
 * @param corpusClass the class
 * @param original its source as compiled (after the edits)
 * @param shims the shim sources compiled beside it (relative to the source root)
 * @param options javac options particular to the class (the JDK's patched module)
 * @param classpath what it compiles against
 * @param declarations the declarations files
 */
public record PreparedClass(
    CorpusClass corpusClass,
    String original,
    List<ShimSource> shims,
    List<String> options,
    List<Path> classpath,
    List<Path> declarations) {

  /**
   * A shim's source.
   *
   * @param relativePath its path under the source root
   * @param text its content
   */
  public record ShimSource(String relativePath, String text) {}

  /**
   * Writes {@code source} as the class's file under the source root {@code root}, and its shims
   * beside it; returns the files written, the class's first.
   */
  public List<Path> write(String source, Path root) throws IOException {
    Path file = root.resolve(corpusClass.relativePath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, UTF_8);
    List<Path> sources = new ArrayList<>(List.of(file));
    for (ShimSource shim : shims) {
      Path p = root.resolve(shim.relativePath());
      Files.createDirectories(p.getParent());
      Files.writeString(p, shim.text(), UTF_8);
      sources.add(p);
    }
    return sources;
  }

  /** The javac options of this class compiled from the source root {@code root}. */
  public List<String> javacOptions(Path root) {
    List<String> out = new ArrayList<>();
    if (corpusClass.origin() == Origin.JDK) {
      // The JDK's classes compile as what they are, members of java.base (their package-private
      // neighbours and jdk.internal helpers stay reachable), with no edit of their package.
      out.add("--patch-module");
      out.add("java.base=" + root);
    }
    out.addAll(options);
    return out;
  }

  /**
   * The Error Prone option that passes {@code declarations} to the checks ({@code
   * -XepOpt:ReadOnce:Declarations=a,b}); empty when there are none.
   */
  public static List<String> declarationsOption(List<Path> declarations) {
    if (declarations.isEmpty()) {
      return List.of();
    }
    // A compile-time constant: this class loads without the checker on the class path (the
    // benchmarks' cold runs load the checker only through javac's processor path).
    return List.of(
        "-XepOpt:"
            + dev.readonce.checker.ReadOnceConfig.DECLARATIONS
            + "="
            + declarations.stream().map(Path::toString).collect(Collectors.joining(",")));
  }
}

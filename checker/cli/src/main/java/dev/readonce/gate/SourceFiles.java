package dev.readonce.gate;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands the gate's PATH arguments into the Java source files to compile. Module descriptors
 * ({@code module-info.java}) are left out: the gate compiles everything on the class path, in the
 * unnamed module, which the checks do not need more than.
 */
final class SourceFiles {

  private static final String MODULE_INFO = "module-info.java";

  private SourceFiles() {}

  /**
   * Every {@code *.java} file named or found (recursively) under a named directory, as real
   * absolute paths, sorted and without duplicates.
   */
  static ImmutableList<Path> expand(List<Path> paths) throws BadInputException {
    Set<Path> files = new TreeSet<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new BadInputException(path + ": no such file or directory");
      }
      String name = path.getFileName().toString();
      if (Files.isDirectory(path)) {
        files.addAll(javaFilesUnder(path));
      } else if (!name.endsWith(".java")) {
        throw new BadInputException(
            path + ": not a Java source file (expected *.java or a directory)");
      } else if (!name.equals(MODULE_INFO)) { // a module descriptor is left out, as below
        if (!Files.isReadable(path)) {
          throw new BadInputException(path + ": not readable");
        }
        files.add(realPath(path));
      }
    }
    if (files.isEmpty()) {
      throw new BadInputException(
          String.join(", ", paths.stream().map(Path::toString).toList())
              + ": no Java source files found");
    }
    return ImmutableList.copyOf(files);
  }

  private static List<Path> javaFilesUnder(Path dir) throws BadInputException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals(MODULE_INFO))
          .filter(Files::isRegularFile)
          .map(SourceFiles::realPathUnchecked)
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException(dir + ": cannot list Java sources: " + e.getMessage(), e);
    }
  }

  static Path realPath(Path path) throws BadInputException {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new BadInputException(path + ": cannot resolve: " + e.getMessage(), e);
    }
  }

  private static Path realPathUnchecked(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

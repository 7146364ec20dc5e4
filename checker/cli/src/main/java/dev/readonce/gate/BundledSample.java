package dev.readonce.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The sample walker's sources that the build zips into the gate jar (from {@code
 * sample-walker/src/main/java} — the machine and the fixed walk — and {@code
 * sample-walker/src/history/java} — the pre-RFC and RFC variants —, whatever they held then), which
 * the gate checks when it is given no PATH.
 */
final class BundledSample {

  /** Where the main sources sit in the zip, and so under the extraction directory. */
  static final String SOURCE_ROOT = "sample-walker/src/main/java";

  /** Where the historical variants sit in the zip. */
  static final String HISTORY_ROOT = "sample-walker/src/history/java";

  /** Both roots, in the order they are reported. */
  static final java.util.List<String> ROOTS = java.util.List.of(SOURCE_ROOT, HISTORY_ROOT);

  /** The zip's resource name, next to this class; only the shaded gate jar has it. */
  static final String RESOURCE = "readonce-sample.zip";

  /** Opens the bundled zip, if this build has one. */
  interface Source {
    Optional<InputStream> open() throws IOException;
  }

  private BundledSample() {}

  /** The zip in this class's jar. */
  static Source fromJar() {
    return () -> Optional.ofNullable(BundledSample.class.getResourceAsStream(RESOURCE));
  }

  /**
   * Extracts the zip into {@code dir}, refusing entries that would land outside it.
   *
   * @return the source roots the zip held ({@code dir/sample-walker/src/main/java}, and the history
   *     root if bundled)
   */
  static java.util.List<Path> extract(InputStream zip, Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    try (ZipInputStream in = new ZipInputStream(zip)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException("bad entry in the bundled sample: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
    java.util.List<Path> roots = new java.util.ArrayList<>();
    for (String name : ROOTS) {
      if (Files.isDirectory(root.resolve(name))) {
        roots.add(root.resolve(name));
      }
    }
    return roots;
  }
}

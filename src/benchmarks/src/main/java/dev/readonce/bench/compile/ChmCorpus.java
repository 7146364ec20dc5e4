package dev.readonce.bench.compile;

import dev.readonce.bench.javac.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real {@code java.util.concurrent.ConcurrentHashMap} (6,400 lines), taken from a JDK's {@code
 * lib/src.zip} and compiled into {@code java.base} with {@code --patch-module}, with the
 * declarations file that describes its bins ({@code tabAt}, {@code setTabAt}, {@code casTabAt},
 * {@code table}).
 */
final class ChmCorpus {

  private static final String ENTRY = "java.base/java/util/concurrent/ConcurrentHashMap.java";

  private ChmCorpus() {}

  static Corpus create(Path srcZip, Path declarations, Path work) throws IOException {
    if (!Files.isRegularFile(declarations)) {
      throw new IOException("no declarations file: " + declarations);
    }
    Path root = work.resolve("chm").resolve("java.base");
    Path file = root.resolve("java/util/concurrent/ConcurrentHashMap.java");
    try (ZipFile zip = new ZipFile(srcZip.toFile())) {
      ZipEntry e = zip.getEntry(ENTRY);
      if (e == null) {
        throw new IOException(srcZip + " has no " + ENTRY);
      }
      Files.createDirectories(file.getParent());
      try (InputStream in = zip.getInputStream(e)) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return new Corpus(
        "ConcurrentHashMap (real, with declarations)",
        List.of(file),
        List.of(),
        List.of("--patch-module", "java.base=" + root),
        List.of("-XepOpt:ReadOnce:Declarations=" + declarations.toAbsolutePath()));
  }
}

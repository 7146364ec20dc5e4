package dev.readonce.bench.compile;

import dev.readonce.bench.javac.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real {@code java.util.concurrent.ConcurrentHashMap} (6,400 lines), taken from a JDK's {@code
 * lib/src.zip} and compiled into {@code java.base} with {@code --patch-module}, with the
 * declarations files that describe its bins ({@code tabAt}, {@code setTabAt}, {@code casTabAt},
 * {@code table}) and the rest of its discipline (the real-code corpus's, e.g. {@code transfer}'s
 * {@code filled-under-lock-of}), as a user of the class would pass them.
 */
final class ChmCorpus {

  private static final String ENTRY = "java.base/java/util/concurrent/ConcurrentHashMap.java";

  private ChmCorpus() {}

  /** {@code declarations}: the files, comma-separated, as {@code -XepOpt:ReadOnce:Declarations}. */
  static Corpus create(Path srcZip, String declarations, Path work) throws IOException {
    List<String> files = new ArrayList<>();
    for (String name : declarations.split(",", -1)) {
      Path decls = Path.of(name.strip());
      if (!Files.isRegularFile(decls)) {
        throw new IOException("no declarations file: " + decls);
      }
      files.add(decls.toAbsolutePath().toString());
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
        List.of("-XepOpt:ReadOnce:Declarations=" + String.join(",", files)));
  }
}

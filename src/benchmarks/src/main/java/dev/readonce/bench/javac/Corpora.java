package dev.readonce.bench.javac;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Builds {@link Corpus}es from what Maven resolved: sources jars, class-path files, trees. */
public final class Corpora {

  private Corpora() {}

  /**
   * A library resolved by a corpus module ({@code src/benchmarks/corpora/NAME/target/corpus}): its
   * {@code sources.jar}, extracted under {@code work}, against {@code classpath.txt}. {@code
   * module-info.java} is left out: the sources are compiled on the class path.
   */
  public static Corpus library(String name, Path corpusDir, Path work) throws IOException {
    Path jar = corpusDir.resolve("sources.jar");
    Path dest = work.resolve(name);
    List<String> excluded = excluded(corpusDir);
    List<Path> sources =
        extract(jar, dest).stream()
            .filter(p -> excluded.stream().noneMatch(e -> dest.relativize(p).toString().equals(e)))
            .toList();
    String cp =
        Files.readString(corpusDir.resolve("classpath.txt"), StandardCharsets.UTF_8).strip();
    return new Corpus(name, sources, splitPath(cp));
  }

  /**
   * The sources a corpus module leaves out ({@code exclude.txt} beside its pom: one path inside the
   * sources jar per line, {@code #} comments), each with the reason in its comment: files that do
   * not compile on this JDK at all, never files the checker finds hard.
   */
  private static List<String> excluded(Path corpusDir) throws IOException {
    Path file = corpusDir.getParent().getParent().resolve("exclude.txt");
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String entry = line.replaceAll("#.*", "").strip();
      if (!entry.isEmpty()) {
        out.add(entry);
      }
    }
    return out;
  }

  /** Every {@code .java} file under the given roots (sorted, so runs are repeatable). */
  public static List<Path> javaFiles(List<Path> roots) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** A path-separator separated list of class-path entries; empty entries are dropped. */
  public static List<Path> splitPath(String path) {
    List<Path> out = new ArrayList<>();
    for (String part : path.split(java.io.File.pathSeparator, -1)) {
      if (!part.isBlank()) {
        out.add(Path.of(part.strip()));
      }
    }
    return out;
  }

  private static List<Path> extract(Path jar, Path dest) throws IOException {
    if (Files.exists(dest)) {
      try (Stream<Path> walk = Files.walk(dest)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    List<Path> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        String name = e.getName();
        if (e.isDirectory() || !name.endsWith(".java") || name.endsWith("module-info.java")) {
          continue;
        }
        Path target = dest.resolve(name).normalize();
        if (!target.startsWith(dest)) {
          throw new IOException("entry outside the corpus: " + name);
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(e)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        out.add(target);
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }
}

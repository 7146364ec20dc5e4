package dev.readonce.realcode;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.readonce.realcode.CorpusClass.Origin;
import dev.readonce.realcode.PreparedClass.ShimSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Takes each corpus class from its published source, applies its edits, and says how to compile it.
 */
public final class Preparer {

  private final Layout layout;
  private final Edits edits;

  public Preparer(Layout layout) throws IOException {
    this.layout = layout;
    this.edits = Edits.read(layout.corpus().resolve("edits.txt"));
  }

  /** The edits applied to one class (for the docs page). */
  public List<Edits.Edit> editsOf(CorpusClass c) {
    return edits.of(c.name());
  }

  public PreparedClass prepare(CorpusClass c) throws IOException {
    Path origin;
    String published;
    List<String> options = new ArrayList<>();
    List<Path> classpath = new ArrayList<>();
    if (c.origin() == Origin.JDK) {
      layout.requireJdkSources();
      origin = layout.jdkSources();
      published = readZipEntry(layout.jdkSources(), c.entry());
    } else {
      Path dir = layout.upstream().resolve(c.origin().upstreamDir());
      origin = dir.resolve(c.entry());
      if (!Files.isRegularFile(origin)) {
        throw new IllegalStateException(
            origin
                + " is missing: the build unpacks the library's sources jar there"
                + " (maven-dependency-plugin, phase generate-test-resources)");
      }
      published = Files.readString(origin, UTF_8);
      classpath.addAll(libraryJars());
    }
    String source = edits.apply(c.name(), published, origin);
    List<ShimSource> shims = new ArrayList<>();
    for (String shim : c.shims()) {
      shims.add(
          new ShimSource(
              shim, Files.readString(layout.corpus().resolve("shims").resolve(shim), UTF_8)));
    }
    List<Path> decls = new ArrayList<>();
    for (String d : c.declarations()) {
      Path file =
          d.startsWith("checker:")
              ? layout.checkerDeclarations().resolve(d.substring("checker:".length()))
              : layout.corpus().resolve("decls").resolve(d);
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "declarations file " + file + " of " + c.name() + " is missing");
      }
      decls.add(file);
    }
    return new PreparedClass(c, source, shims, options, classpath, decls);
  }

  private List<Path> libraryJars() throws IOException {
    try (Stream<Path> jars = Files.list(layout.upstreamLib())) {
      return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new IOException(
          layout.upstreamLib() + ": cannot list the library jars: " + e.getMessage(), e);
    }
  }

  private static String readZipEntry(Path zip, String entry) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      ZipEntry e = z.getEntry(entry);
      if (e == null) {
        throw new IllegalStateException(zip + " has no entry " + entry);
      }
      try (InputStream in = z.getInputStream(e)) {
        return new String(in.readAllBytes(), UTF_8);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

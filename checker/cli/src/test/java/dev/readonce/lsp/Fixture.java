package dev.readonce.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small project the language server tests open: a double read and a plain read. */
final class Fixture {

  static final String PACKAGE_DIR = "src/main/java/com/example/pages";

  private Fixture() {}

  /** Copies the project into {@code dir}, with {@code model} as its .readonce-lsp.json if given. */
  static Path copy(Path dir, String model) throws IOException, URISyntaxException {
    Path source = Path.of(Fixture.class.getResource("/lsp/pages").toURI());
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = dir.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    if (model != null) {
      Files.writeString(dir.resolve(OverrideFile.NAME), model, UTF_8);
    }
    return dir.resolve(PACKAGE_DIR).resolve("Lookup.java");
  }
}

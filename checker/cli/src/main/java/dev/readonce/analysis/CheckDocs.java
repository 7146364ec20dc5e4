package dev.readonce.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.readonce.checker.Docs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checks' documentation pages, which the build copies from {@code checker/docs} into the
 * ReadOnce jar, and where links to them point.
 */
public final class CheckDocs {

  /** The system property that sets the hosted docs URL for the front ends. */
  public static final String URL_PROPERTY = "readonce.docs.url";

  /** The environment variable that sets it when the property is not given. */
  public static final String URL_ENVIRONMENT = "READONCE_DOCS_URL";

  private static final String RESOURCES = "/dev/readonce/docs/";

  private CheckDocs() {}

  /** A check's page, in Markdown, if the jar has one. */
  public static Optional<String> page(String check) throws IOException {
    if (!check.matches("[A-Za-z]+")) {
      return Optional.empty();
    }
    try (InputStream in = CheckDocs.class.getResourceAsStream(RESOURCES + check + ".md")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), UTF_8));
    }
  }

  /**
   * The hosted docs URL the user configured ({@value #URL_PROPERTY}, then {@value
   * #URL_ENVIRONMENT}).
   */
  public static Optional<String> configuredUrl() {
    String url = System.getProperty(URL_PROPERTY);
    if (url == null || url.isBlank()) {
      url = System.getenv(URL_ENVIRONMENT);
    }
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
  }

  /** The link to a check's page on the hosted docs. */
  public static String hostedLink(String url, String check) {
    return Docs.link(Optional.of(url), check);
  }

  /**
   * A {@code file:} URI of the page an editor can open when no docs are hosted: the page copied out
   * of the jar into {@code directory} (once; later calls reuse the copy).
   */
  public static Optional<String> localLink(Path directory, String check) {
    try {
      Optional<String> page = page(check);
      if (page.isEmpty()) {
        return Optional.empty();
      }
      Path file = directory.resolve(check + ".md");
      if (!Files.isRegularFile(file)) {
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, check, ".tmp");
        Files.writeString(partial, page.get(), UTF_8);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return Optional.of(file.toUri().toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

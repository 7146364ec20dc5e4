package dev.readonce.checker.metamorphic;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checked-in list of (case, rewriting) pairs that are known to differ today because of an engine
 * bug, one {@code case | rewriting | reason} a line ({@code #} starts a comment). The suites treat
 * a listed pair as expected to differ and fail when it no longer does, so the list only shrinks.
 */
public final class KnownFailures {

  private KnownFailures() {}

  /** {@code case | rewriting} → reason, from the class-path resource {@code resource}. */
  public static Map<String, String> load(String resource) {
    Map<String, String> out = new LinkedHashMap<>();
    InputStream in = KnownFailures.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing known-failures list " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] parts = text.split("\\s*\\|\\s*", 3);
        if (parts.length != 3 || parts[2].isEmpty()) {
          throw new IllegalStateException(
              resource + ":" + n + ": expected 'case | rewriting | reason', got: " + text);
        }
        if (out.put(key(parts[0], parts[1]), parts[2]) != null) {
          throw new IllegalStateException(resource + ":" + n + ": listed twice: " + text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The key of a pair. */
  public static String key(String caseId, String rewriting) {
    return caseId + " | " + rewriting;
  }
}

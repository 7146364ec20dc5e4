package dev.readonce.realcode;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The edits that make a published source compile standalone on JDK 17, read from {@code
 * corpus/edits.txt}: each replaces one whole line, which must occur exactly once, by another line,
 * so that line numbers stay those of the original.
 */
public final class Edits {

  /**
   * One edit.
   *
   * @param className the corpus class it applies to
   * @param why why it is needed (shown on the docs page)
   * @param original the exact original line
   * @param replacement the line that replaces it
   * @param sourceLine where the edit is written in edits.txt
   */
  public record Edit(
      String className, String why, String original, String replacement, int sourceLine) {}

  private final List<Edit> edits;

  private Edits(List<Edit> edits) {
    this.edits = List.copyOf(edits);
  }

  /** Reads the edits file; a malformed block fails with the file and line. */
  public static Edits read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, UTF_8);
    List<Edit> edits = new ArrayList<>();
    String className = null;
    String why = null;
    String original = null;
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int lineNo = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("class ")) {
        className = line.substring("class ".length()).strip();
      } else if (line.startsWith("why ")) {
        why = line.substring("why ".length()).strip();
        start = lineNo;
      } else if (line.startsWith("- ")) {
        original = line.substring(2);
      } else if (line.startsWith("+ ") || line.equals("+")) {
        if (className == null || why == null || original == null) {
          throw new IllegalArgumentException(
              file + ":" + lineNo + ": '+' line needs a class, a why and a '-' line before it");
        }
        edits.add(
            new Edit(className, why, original, line.length() > 2 ? line.substring(2) : "", start));
        why = null;
        original = null;
      } else {
        throw new IllegalArgumentException(
            file + ":" + lineNo + ": expected 'class', 'why', '- ' or '+ ', found: " + line);
      }
    }
    return new Edits(edits);
  }

  /** The edits of one class. */
  public List<Edit> of(String className) {
    return edits.stream().filter(e -> e.className().equals(className)).toList();
  }

  /**
   * Applies the class's edits to its source; an edit whose line is not there exactly once fails.
   */
  public String apply(String className, String source, Path origin) {
    List<String> lines = new ArrayList<>(source.lines().toList());
    for (Edit e : of(className)) {
      int at = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).equals(e.original())) {
          if (at >= 0) {
            throw new IllegalStateException(
                "edits.txt:"
                    + e.sourceLine()
                    + ": the line '"
                    + e.original()
                    + "' occurs more than"
                    + " once in "
                    + origin);
          }
          at = i;
        }
      }
      if (at < 0) {
        throw new IllegalStateException(
            "edits.txt:"
                + e.sourceLine()
                + ": the line '"
                + e.original()
                + "' is not in "
                + origin
                + " (a different JDK or library version?)");
      }
      lines.set(at, e.replacement());
    }
    return String.join("\n", lines) + "\n";
  }
}

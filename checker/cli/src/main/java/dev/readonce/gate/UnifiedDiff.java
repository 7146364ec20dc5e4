package dev.readonce.gate;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableRangeSet;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the added and modified lines out of {@code git diff --unified=0} output: each hunk header
 * {@code @@ -a,b +c,d @@} adds lines {@code c .. c+d-1} of the file named by the preceding {@code
 * +++ b/path}. Deleted files ({@code +++ /dev/null}) and pure deletions ({@code d = 0}) add
 * nothing.
 */
final class UnifiedDiff {

  private static final Pattern HUNK =
      Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");
  private static final String NEW_FILE = "+++ ";
  private static final String DST_PREFIX = "b/";

  private UnifiedDiff() {}

  /**
   * The changed lines per file, keyed by {@code root.resolve(path)}.
   *
   * @param diff the output of {@code git diff --unified=0 --src-prefix=a/ --dst-prefix=b/}
   * @param root the directory git's paths are relative to (the top level of the work tree)
   */
  static Map<Path, ImmutableRangeSet<Integer>> parse(String diff, Path root) {
    Map<Path, ImmutableRangeSet.Builder<Integer>> builders = new HashMap<>();
    Path current = null;
    for (String line : Splitter.on('\n').split(diff)) {
      if (line.startsWith(NEW_FILE)) {
        current = target(line.substring(NEW_FILE.length()), root);
        continue;
      }
      Matcher hunk = HUNK.matcher(line);
      if (current != null && hunk.find()) {
        int start = Integer.parseInt(hunk.group(1));
        int count = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
        if (count > 0) {
          builders
              .computeIfAbsent(current, f -> ImmutableRangeSet.builder())
              .add(ChangedLines.hunk(start, count));
        }
      }
    }
    Map<Path, ImmutableRangeSet<Integer>> lines = new HashMap<>();
    builders.forEach((file, ranges) -> lines.put(file, ranges.build()));
    return lines;
  }

  private static Path target(String name, Path root) {
    String path = name.startsWith("\"") ? unquote(name) : stripTimestamp(name);
    if (!path.startsWith(DST_PREFIX)) {
      return null; // "/dev/null": the file was deleted
    }
    return root.resolve(path.substring(DST_PREFIX.length())).normalize();
  }

  /** Git ends the name with a tab when the name itself has trailing spaces. */
  private static String stripTimestamp(String name) {
    int tab = name.indexOf('\t');
    return tab < 0 ? name : name.substring(0, tab);
  }

  /**
   * Undoes git's C-style quoting of unusual path names ({@code "b/a\"b\303\244.java"}); octal
   * escapes are UTF-8 bytes.
   */
  static String unquote(String quoted) {
    int end = quoted.lastIndexOf('"');
    String body = quoted.substring(1, end > 0 ? end : quoted.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        bytes.writeBytes(String.valueOf(c).getBytes(UTF_8));
        continue;
      }
      char e = body.charAt(++i);
      switch (e) {
        case 'n' -> bytes.write('\n');
        case 't' -> bytes.write('\t');
        case 'r' -> bytes.write('\r');
        case 'a' -> bytes.write(7);
        case 'b' -> bytes.write('\b');
        case 'f' -> bytes.write('\f');
        case 'v' -> bytes.write(11);
        case '0', '1', '2', '3' -> {
          int value = Integer.parseInt(body.substring(i, Math.min(i + 3, body.length())), 8);
          bytes.write(value);
          i += 2;
        }
        default -> bytes.write(e);
      }
    }
    return bytes.toString(UTF_8);
  }
}

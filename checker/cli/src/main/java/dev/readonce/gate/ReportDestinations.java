package dev.readonce.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which formats to write and where, from {@code --format} and {@code --output}: a format named in
 * {@code --output FORMAT=FILE} is selected too; a bare {@code --output FILE} needs exactly one
 * format; at most one format may go to standard output. Without either option: text to standard
 * output.
 *
 * @param formats the selected formats, in order
 * @param files the formats that go to a file
 * @param explicit whether the user chose formats or outputs at all
 */
record ReportDestinations(List<Format> formats, Map<Format, Path> files, boolean explicit) {

  /** What a format name looks like: a word, no path separator or dot. */
  private static final Pattern FORMAT_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  static ReportDestinations of(List<Format> requested, List<String> outputs)
      throws BadInputException {
    Set<Format> formats = new LinkedHashSet<>(requested);
    Map<Format, Path> files = new EnumMap<>(Format.class);
    List<String> bare = new ArrayList<>();
    for (String output : outputs) {
      int eq = output.indexOf('=');
      Optional<Format> format = eq > 0 ? Format.named(output.substring(0, eq)) : Optional.empty();
      if (format.isEmpty() && eq > 0 && FORMAT_LIKE.matcher(output.substring(0, eq)).matches()) {
        // A mistyped format (sarf=r.sarif) would otherwise name a text report's file, and a CI
        // step that uploads r.sarif would find nothing and skip silently.
        throw new BadInputException(
            "--output "
                + output
                + ": unknown format '"
                + output.substring(0, eq)
                + "' (expected one of "
                + Format.names()
                + "); to write a file with '=' in its name, start the path with ./");
      }
      if (format.isPresent()) {
        if (files.containsKey(format.get())) {
          throw new BadInputException("--output names format " + format.get() + " twice");
        }
        formats.add(format.get());
        files.put(format.get(), Path.of(output.substring(eq + 1)));
      } else {
        bare.add(output);
      }
    }
    if (formats.isEmpty()) {
      formats.add(Format.TEXT);
    }
    if (!bare.isEmpty()) {
      if (bare.size() > 1 || formats.size() > 1 || !files.isEmpty()) {
        throw new BadInputException(
            "--output "
                + bare.get(0)
                + ": say which format goes there (--output FORMAT=FILE)"
                + " when several formats or outputs are given");
      }
      files.put(formats.iterator().next(), Path.of(bare.get(0)));
    }
    List<Format> toStdout = formats.stream().filter(f -> !files.containsKey(f)).toList();
    if (toStdout.size() > 1) {
      throw new BadInputException(
          "formats "
              + toStdout
              + " would all write to standard output; give --output"
              + " FORMAT=FILE for all but one");
    }
    Set<Path> targets = new LinkedHashSet<>();
    for (Path file : files.values()) {
      if (!targets.add(file.toAbsolutePath().normalize())) {
        throw new BadInputException("--output " + file + " is given for two formats");
      }
    }
    return new ReportDestinations(
        List.copyOf(formats), files, !requested.isEmpty() || !outputs.isEmpty());
  }

  Optional<Format> toStdout() {
    return formats.stream().filter(f -> !files.containsKey(f)).findFirst();
  }
}

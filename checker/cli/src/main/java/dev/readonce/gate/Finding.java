package dev.readonce.gate;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One diagnostic of a ReadOnce check, as javac reported it.
 *
 * @param rule the check's name, e.g. {@code UnlockedReread}
 * @param file the absolute, real path of the source file
 * @param line the 1-based line
 * @param column the 1-based column (UTF-16 code units, a tab counting one)
 * @param message the check's message, without the {@code [Check]} prefix and the link
 */
record Finding(String rule, Path file, int line, int column, String message) {

  private static final Pattern SLOT = Pattern.compile("slot '([^']+)'");

  /** The slot the message names (every ReadOnce message names one), or empty. */
  String slot() {
    Matcher m = SLOT.matcher(message);
    return m.find() ? m.group(1) : "";
  }
}

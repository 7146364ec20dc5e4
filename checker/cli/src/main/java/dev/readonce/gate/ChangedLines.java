package dev.readonce.gate;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Range;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The lines a change adds or modifies, per file: the new-side lines of a {@code git diff}'s hunks,
 * and every line of a file that is new to git (untracked).
 *
 * @param lines the changed line ranges of each changed file (absolute paths)
 * @param wholeFiles files that are new, all of whose lines count as changed
 */
record ChangedLines(
    ImmutableMap<Path, ImmutableRangeSet<Integer>> lines, ImmutableSet<Path> wholeFiles) {

  static ChangedLines of(Map<Path, ImmutableRangeSet<Integer>> lines, Set<Path> wholeFiles) {
    return new ChangedLines(ImmutableMap.copyOf(lines), ImmutableSet.copyOf(wholeFiles));
  }

  boolean contains(Path file, int line) {
    if (wholeFiles.contains(file)) {
      return true;
    }
    ImmutableRangeSet<Integer> ranges = lines.get(file);
    return ranges != null && ranges.contains(line);
  }

  /** The line range {@code [start, start + count)}, or nothing for a pure deletion. */
  static Range<Integer> hunk(int start, int count) {
    return Range.closedOpen(start, start + count);
  }
}

package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.List;

/**
 * The parsed contents of the declarations files of one compilation: the well-formed entries and the
 * problems found on the other lines. Immutable; names are not resolved yet (see {@link
 * DeclaredContracts}).
 *
 * @param files the files' names as given, in the order given
 * @param entries the well-formed entries, in file and line order
 * @param problems what was wrong with the other lines (all errors), in file and line order
 */
public record Declarations(
    ImmutableList<String> files,
    ImmutableList<DeclaredEntry> entries,
    ImmutableList<DeclaredProblem> problems) {

  public static final Declarations NONE =
      new Declarations(ImmutableList.of(), ImmutableList.of(), ImmutableList.of());

  /** Reads and parses the files, in order; an unreadable file is a problem, not an exception. */
  public static Declarations read(List<Path> files) {
    DeclarationsParser parser = new DeclarationsParser();
    for (Path file : files) {
      parser.read(file);
    }
    return parser.result();
  }

  /** Parses one file's text; {@code file} is the name used in messages. */
  public static Declarations parse(String file, String text) {
    DeclarationsParser parser = new DeclarationsParser();
    parser.parse(file, text);
    return parser.result();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == DeclaredProblem.Severity.ERROR);
  }
}

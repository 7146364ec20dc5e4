package dev.readonce.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The gate's command-line options, as picocli fills them in. */
final class GateOptions {

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Java source files, or directories searched recursively for *.java. Without any, the"
              + " gate checks the sample walker bundled in its jar and prints a summary per"
              + " package.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      split = ",",
      paramLabel = "FORMAT",
      converter = Format.Names.class,
      completionCandidates = Format.Names.class,
      description =
          "Report format: ${COMPLETION-CANDIDATES}. Repeat the option or give a comma list."
              + " Default: text.")
  List<Format> formats = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "[FORMAT=]FILE",
      description =
          "Write a format's report to FILE instead of standard output: FORMAT=FILE (repeatable),"
              + " or just FILE when one format is given (a FILE with '=' in its name: start it"
              + " with ./). Files are replaced atomically.")
  List<String> outputs = new ArrayList<>();

  @Option(
      names = "--since",
      paramLabel = "REF",
      description =
          "Fail only on findings on lines added or modified since the merge base of REF and"
              + " HEAD (git diff --unified=0, work tree included). Other findings are still"
              + " reported, as notes.")
  String since;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Accepted findings (written by --write-baseline): findings whose fingerprints it"
              + " lists are reported as notes and do not fail the gate.")
  Path baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description =
          "Write every current finding to FILE as the new baseline, and exit 0 unless the input"
              + " is bad.")
  Path writeBaseline;

  @Option(
      names = {"-cp", "--classpath", "--class-path"},
      paramLabel = "PATH",
      description =
          "What the sources compile against (entries separated by '${sys:path.separator}')."
              + " The ReadOnce annotations are always appended.")
  String classpath;

  @Option(names = "--source", paramLabel = "N", description = "javac --source level.")
  String source;

  @Option(names = "--release", paramLabel = "N", description = "javac --release level.")
  String release;

  @Option(
      names = "--declarations",
      paramLabel = "FILE",
      description =
          "A declarations file stating contracts for code that cannot be annotated (repeatable;"
              + " passed as -XepOpt:ReadOnce:Declarations).")
  List<Path> declarations = new ArrayList<>();

  @Option(
      names = "--repo-root",
      paramLabel = "DIR",
      description =
          "The directory report paths are relative to (SARIF's %%SRCROOT%%). Default: the top"
              + " level of the git work tree around the current directory, else the current"
              + " directory.")
  Path repoRoot;
}

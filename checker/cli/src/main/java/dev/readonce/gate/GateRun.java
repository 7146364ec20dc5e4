package dev.readonce.gate;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import dev.readonce.gate.Compilation.Problem;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run of the gate: check every input before any work (so bad input fails fast and writes
 * nothing), compile, fingerprint, judge, write the reports, and choose the exit code.
 */
final class GateRun {

  private final GateOptions options;
  private final PrintStream out;
  private final PrintStream err;
  private final BundledSample.Source sample;

  GateRun(GateOptions options, PrintStream out, PrintStream err, BundledSample.Source sample) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.sample = sample;
  }

  int run() throws BadInputException {
    ReportDestinations destinations = ReportDestinations.of(options.formats, options.outputs);
    if (options.source != null && options.release != null) {
      throw new BadInputException("--source and --release cannot be combined; give one");
    }
    Optional<Baseline> baseline =
        options.baseline == null
            ? Optional.empty()
            : Optional.of(BaselineFile.read(options.baseline));
    for (Path file : options.declarations) {
      requireReadableFile(file, "declarations file");
      // Read here too, so that a binary file fails before any compiling, with the byte and offset.
      TextFiles.readUtf8(file, "declarations file");
    }
    List<Path> classpath = classpath();
    checkOutputs(destinations);
    Path scratch;
    try {
      scratch = Files.createTempDirectory("readonce-gate-");
    } catch (IOException e) {
      throw new BadInputException("cannot create a temporary directory: " + e.getMessage(), e);
    }
    try {
      classpath.add(BundledAnnotations.classpathEntry(scratch));
      if (options.paths.isEmpty()) {
        return checkSample(scratch, classpath, baseline, destinations);
      }
      Path root = repoRoot();
      Optional<ChangedLines> changed = changedLines(root);
      ImmutableList<Path> sources = SourceFiles.expand(options.paths);
      return check(
          sources,
          classpath,
          new RepoPaths(root),
          new Judge(baseline, changed),
          destinations,
          false);
    } catch (IOException e) {
      throw new BadInputException("cannot prepare the analysis: " + e.getMessage(), e);
    } finally {
      deleteRecursively(scratch);
    }
  }

  /** Without PATHs: the sample walker bundled in the jar, summarized per package. */
  private int checkSample(
      Path scratch,
      List<Path> classpath,
      Optional<Baseline> baseline,
      ReportDestinations destinations)
      throws BadInputException, IOException {
    if (options.since != null) {
      throw new BadInputException(
          "--since needs PATHs to check (without a PATH the gate checks its bundled sample"
              + " walker)");
    }
    Optional<InputStream> zip = sample.open();
    if (zip.isEmpty()) {
      throw new BadInputException(
          "no PATH given, and this build of the gate bundles no sample walker; give PATHs to"
              + " check, or run the gate jar that ./readonce builds");
    }
    Path dir = Files.createDirectories(scratch.resolve("sample"));
    List<Path> sourceRoots;
    try (InputStream in = zip.get()) {
      sourceRoots = BundledSample.extract(in, dir);
    }
    boolean empty = true;
    for (Path root : sourceRoots) {
      empty &= javaFiles(root).isEmpty();
    }
    if (empty) {
      out.println(
          "The bundled sample walker has no sources in this build: "
              + BundledSample.SOURCE_ROOT
              + " held no Java files when the gate jar was built.");
      out.println("Check your own code with: readonce [--classpath CP] PATH...");
      return ExitCode.CLEAN;
    }
    ImmutableList<Path> sources = SourceFiles.expand(sourceRoots);
    return check(
        sources,
        classpath,
        new RepoPaths(dir.toRealPath()),
        new Judge(baseline, Optional.empty()),
        destinations,
        true);
  }

  private int check(
      List<Path> sources,
      List<Path> classpath,
      RepoPaths paths,
      Judge judge,
      ReportDestinations destinations,
      boolean sampleMode)
      throws BadInputException {
    Compilation compilation =
        CompilationRunner.run(
            new CompilationRunner.Request(
                sources,
                classpath,
                Optional.ofNullable(options.source),
                Optional.ofNullable(options.release),
                options.declarations));
    for (Problem warning : compilation.warnings()) {
      err.println("readonce: warning: " + describe(warning, paths));
    }
    if (!compilation.crashes().isEmpty()) {
      err.println(
          "readonce: internal error: "
              + describe(compilation.crashes().get(0), paths)
              + "; please report it");
      return ExitCode.INTERNAL_ERROR;
    }
    if (!compilation.compilerErrors().isEmpty()) {
      throw new BadInputException(compilerErrors(compilation.compilerErrors(), paths));
    }
    List<Finding> findings = compilation.findings();
    List<Fingerprint> fingerprints = new Fingerprinter(paths).fingerprint(findings);
    List<ReportedFinding> reported = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      Finding finding = findings.get(i);
      reported.add(
          new ReportedFinding(
              finding,
              paths.name(finding.file()),
              paths.contains(finding.file()),
              fingerprints.get(i),
              judge.judge(finding, fingerprints.get(i))));
    }
    Report report = Report.of(GateVersion.version(), paths.rootUri(), reported);
    write(report, destinations);
    if (sampleMode && !destinations.explicit()) {
      out.print(SampleSummary.render(sources.stream().map(paths::name).toList(), report));
    } else {
      destinations.toStdout().ifPresent(format -> out.print(format.writer().render(report)));
      if (options.writeBaseline == null) {
        err.println("readonce: " + summary(sources.size(), report));
      }
    }
    if (options.writeBaseline != null) {
      // Not the usual verdict: "4 findings fail the gate" would contradict the baseline that
      // accepts them, and this run exits 0.
      err.println(
          "readonce: checked "
              + SampleSummary.plural(sources.size(), "file")
              + ": wrote baseline "
              + options.writeBaseline
              + " accepting "
              + SampleSummary.plural(report.findings().size(), "finding"));
      return ExitCode.CLEAN;
    }
    return report.failing() > 0 ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }

  /** Writes every file output, all or nothing. */
  private void write(Report report, ReportDestinations destinations) throws BadInputException {
    try (OutputFiles files = new OutputFiles()) {
      for (Format format : destinations.formats()) {
        Path file = destinations.files().get(format);
        if (file != null) {
          files.stage(file, format.writer().render(report));
        }
      }
      if (options.writeBaseline != null) {
        files.stage(options.writeBaseline, BaselineFile.render(report.findings()));
      }
      files.commit();
    }
  }

  private static String summary(int files, Report report) {
    String checked = "checked " + SampleSummary.plural(files, "file") + ": ";
    if (report.findings().isEmpty()) {
      return checked + "no findings";
    }
    List<String> accepted = new ArrayList<>();
    long baselined = report.count(Status.BASELINED);
    long outside = report.count(Status.OUTSIDE_CHANGE);
    if (baselined > 0) {
      accepted.add(baselined + " accepted in the baseline");
    }
    if (outside > 0) {
      accepted.add(outside + " not on lines the change adds or modifies");
    }
    long failing = report.failing();
    String verdict =
        (failing == 0 ? "no" : Long.toString(failing))
            + (failing == 1 ? " finding fails" : " findings fail")
            + " the gate";
    return checked + verdict + (accepted.isEmpty() ? "" : " (" + String.join(", ", accepted) + ")");
  }

  private static String compilerErrors(List<Problem> errors, RepoPaths paths) {
    Problem first = errors.get(0);
    String more =
        errors.size() > 1
            ? " (and " + SampleSummary.plural(errors.size() - 1, "more compiler error") + ")"
            : "";
    String what =
        first.file().isPresent()
            ? describe(first, paths).replaceFirst("^(.*?:\\d+:\\d+): ", "$1: does not compile: ")
            : "cannot analyse: " + first.message();
    return what + more;
  }

  private static String describe(Problem problem, RepoPaths paths) {
    if (problem.file().isEmpty()) {
      return problem.message();
    }
    return paths.display(problem.file().get())
        + ":"
        + problem.line()
        + ":"
        + problem.column()
        + ": "
        + problem.message();
  }

  private List<Path> classpath() throws BadInputException {
    List<Path> entries = new ArrayList<>();
    if (options.classpath == null) {
      return entries;
    }
    for (String entry : Splitter.on(File.pathSeparatorChar).split(options.classpath)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new BadInputException("classpath entry " + entry + ": no such file or directory");
      }
      entries.add(path);
    }
    return entries;
  }

  private void checkOutputs(ReportDestinations destinations) throws BadInputException {
    for (Path file : destinations.files().values()) {
      OutputFiles.checkWritable(file);
    }
    if (options.writeBaseline != null) {
      OutputFiles.checkWritable(options.writeBaseline);
      Path target = options.writeBaseline.toAbsolutePath().normalize();
      for (Path file : destinations.files().values()) {
        if (file.toAbsolutePath().normalize().equals(target)) {
          throw new BadInputException(
              "--write-baseline " + options.writeBaseline + " is also a report --output");
        }
      }
    }
  }

  private Path repoRoot() throws BadInputException {
    if (options.repoRoot != null) {
      if (!Files.isDirectory(options.repoRoot)) {
        throw new BadInputException("--repo-root " + options.repoRoot + ": no such directory");
      }
      return SourceFiles.realPath(options.repoRoot);
    }
    Path cwd = SourceFiles.realPath(Path.of(""));
    return Git.at(cwd).map(Git::topLevel).orElse(cwd);
  }

  private Optional<ChangedLines> changedLines(Path root) throws BadInputException {
    if (options.since == null) {
      return Optional.empty();
    }
    Git git =
        Git.at(root)
            .orElseThrow(
                () ->
                    new BadInputException(
                        "--since " + options.since + ": " + root + " is not in a git work tree"));
    return Optional.of(git.changedSince(options.since));
  }

  private static void requireReadableFile(Path file, String what) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(what + " " + file + ": it is a directory, not a file");
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(what + " " + file + ": no such file");
    }
    if (!Files.isReadable(file)) {
      throw new BadInputException(what + " " + file + ": not readable");
    }
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory left behind is not worth failing the run for.
    }
  }
}

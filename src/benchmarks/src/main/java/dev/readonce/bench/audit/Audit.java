package dev.readonce.bench.audit;

import dev.readonce.bench.compile.Args;
import dev.readonce.bench.javac.Checks;
import dev.readonce.bench.javac.Compilation;
import dev.readonce.bench.javac.Corpora;
import dev.readonce.bench.javac.Corpus;
import dev.readonce.bench.javac.Finding;
import dev.readonce.bench.javac.InProcessJavac;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audit mode over real libraries: compiles each with {@code -XepOpt:ReadOnce:Audit=true} and the
 * six checks at WARN, fails if javac reports any error (a checker exception is one), counts the
 * findings per check, and writes every finding plus a seeded random sample for triage.
 *
 * <p>Options: {@code --work DIR --library NAME=DIR[,NAME=DIR...] [--sample 15] [--pooled N] [--seed
 * N] [--reuse true]}, where DIR is a corpus module's {@code target/corpus}. {@code --sample} draws
 * that many findings per library; {@code --pooled N} instead draws N from all libraries' findings
 * together (each finding equally likely, the unbiased sample the triage uses). A library that fails
 * to compile does not stop the others; the run then exits with status 1. {@code --reuse true} takes
 * a library's findings from an earlier run's findings file when there is one.
 */
public final class Audit {

  /** The audit configuration: Error Prone's own checks off, the ReadOnce ones at WARN. */
  static final List<String> OPTIONS =
      List.of(
          "-XDcompilePolicy=simple",
          "--should-stop=ifError=FLOW",
          "-Xplugin:ErrorProne -XepDisableAllChecks "
              + Checks.enabled("WARN")
              + " -XepOpt:ReadOnce:Audit=true");

  private Audit() {}

  public static void main(String[] argv) throws IOException {
    Args args = new Args(argv);
    Path work = args.path("work");
    Files.createDirectories(work);
    int perLibrary = args.integer("sample", 15);
    long seed = args.longValue("seed", 20260101L);
    InProcessJavac javac = new InProcessJavac(work);

    int pooled = args.integer("pooled", 0);
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    List<Sampled> sample = new ArrayList<>();
    List<Sampled> all = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    long lines = 0;
    for (String spec : args.string("library").split(",", -1)) {
      if (spec.isBlank()) {
        continue; // "a=x,b=y," : a trailing comma names no library
      }
      String[] parts = spec.split("=", 2);
      Corpus corpus = Corpora.library(parts[0], Path.of(parts[1]), work.resolve("src"));
      System.out.printf(
          "%s: %d files, %d lines%n", corpus.name(), corpus.sources().size(), corpus.lines());
      Path root = work.resolve("src").resolve(corpus.name());
      Path findingsFile = work.resolve(corpus.name() + "-findings.txt");
      List<Finding> findings;
      if (args.has("reuse") && Files.exists(findingsFile)) {
        // The findings of an earlier run of the same checker (a rerun after fixing one library).
        findings =
            AuditSample.parse(root, Files.readAllLines(findingsFile, StandardCharsets.UTF_8));
        System.out.printf("  %d findings (reused from %s)%n", findings.size(), findingsFile);
      } else {
        Compilation result;
        try {
          // Throws on any error, a crash of the checker included.
          result = javac.compile(corpus, OPTIONS);
        } catch (InProcessJavac.CompilationFailed e) {
          System.out.println("  FAILED: " + e.getMessage());
          failed.add(corpus.name());
          continue;
        }
        findings =
            result.findings().stream().filter(f -> Checks.NAMES.contains(f.check())).toList();
        Files.write(
            findingsFile,
            findings.stream().map(f -> AuditSample.relative(root, f)).toList(),
            StandardCharsets.UTF_8);
        System.out.printf("  %d findings, %.1f s%n", findings.size(), result.nanos() / 1e9);
      }
      lines += corpus.lines();
      Map<String, Long> byCheck = new LinkedHashMap<>();
      findings.forEach(f -> byCheck.merge(f.check(), 1L, Long::sum));
      counts.put(corpus.name(), byCheck);
      for (Finding f : findings) {
        all.add(new Sampled(corpus.name(), root, f));
      }
      if (pooled == 0) {
        for (Finding f : AuditSample.pick(findings, perLibrary, seed)) {
          sample.add(new Sampled(corpus.name(), root, f));
        }
      }
    }
    if (pooled > 0) {
      sample = AuditSample.pick(all, pooled, seed);
    }
    System.out.printf("%d lines compiled, %d findings%n", lines, all.size());
    String table = AuditSample.countsTable(counts);
    System.out.println();
    System.out.println(table);
    Path samplePath = work.resolve("sample.md");
    Files.writeString(samplePath, AuditSample.render(sample), StandardCharsets.UTF_8);
    System.out.println("Findings: " + work + "/*-findings.txt; triage sample: " + samplePath);
    if (!failed.isEmpty()) {
      System.out.println("Libraries that did not compile: " + failed);
      System.exit(1);
    }
  }

  /** One sampled finding, with the library it came from and where its sources were extracted. */
  record Sampled(String library, Path root, Finding finding) {}
}

package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import dev.readonce.checker.metamorphic.VariantCompiler.Outcome;
import dev.readonce.checker.metamorphic.VariantCompiler.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks' test cases, each marked, with one variant per rewriting that applies to it, all
 * compiled under the seven checks: what the metamorphic and the fix-safety suites both start from.
 */
public final class Corpus {

  /** Units per javac run: big enough to amortise javac's start, small enough to retry cheaply. */
  private static final int BATCH = 120;

  /**
   * A case rewritten by one rewriting.
   *
   * @param marked the case
   * @param rewriting the rewriting's name
   * @param unit what was compiled
   */
  public record Variant(MarkedCase marked, String rewriting, Unit unit) {
    /** The key of the pair in the known-failures lists. */
    public String key() {
      return KnownFailures.key(marked.testCase().id(), rewriting);
    }
  }

  private final Path root;
  private final List<MarkedCase> cases;
  private final List<String> skipped;
  /** By case id. */
  private final Map<String, Unit> baselines = new LinkedHashMap<>();
  private final List<Variant> variants = new ArrayList<>();
  private final Map<String, Outcome> outcomes = new HashMap<>();
  /** By case id. */
  private final Map<String, Set<String>> baselineVerdicts = new HashMap<>();

  private Corpus(Path root, List<MarkedCase> cases, List<String> skipped) {
    this.root = root;
    this.cases = cases;
    this.skipped = skipped;
  }

  /** Extracts, marks, rewrites and compiles everything, writing the units under {@code root}. */
  public static Corpus build(Path root) {
    CaseExtractor extractor = new CaseExtractor(testSources());
    List<MarkedCase> cases = extractor.extract().stream().map(MarkedCase::of).toList();
    Corpus corpus = new Corpus(root, cases, extractor.skipped());
    clean(root);
    int k = 0;
    List<Rewriting> rewritings = Rewritings.all();
    for (MarkedCase c : cases) {
      k++;
      corpus.baselines.put(
          c.testCase().id(),
          new Unit("mm" + k + "base", interior(c, c.files()), c.testCase().shared()));
      for (int r = 0; r < rewritings.size(); r++) {
        Rewriting rewriting = rewritings.get(r);
        List<SourceFile> files = rewrite(c, rewriting);
        if (!files.isEmpty()) {
          corpus.variants.add(
              new Variant(
                  c,
                  rewriting.name(),
                  new Unit("mm" + k + "r" + r, interior(c, files), c.testCase().shared())));
        }
      }
    }
    List<Unit> all = new ArrayList<>(corpus.baselines.values());
    corpus.variants.forEach(v -> all.add(v.unit()));
    VariantCompiler compiler = new VariantCompiler(root);
    for (int i = 0; i < all.size(); i += BATCH) {
      corpus.outcomes.putAll(
          compiler.compile(all.subList(i, Math.min(all.size(), i + BATCH)), List.of()));
    }
    return corpus;
  }

  private static List<SourceFile> interior(MarkedCase c, List<SourceFile> files) {
    return files.stream()
        .map(f -> new SourceFile(
            f.name(), Identity.interior(f.text(), c.testCase().id() + " " + f.name())))
        .toList();
  }

  /** The case's files under the rewriting; empty when it changed nothing in any of them. */
  private static List<SourceFile> rewrite(MarkedCase c, Rewriting rewriting) {
    Rewriting.Fresh fresh = new Rewriting.Fresh();
    List<SourceFile> out = new ArrayList<>();
    boolean changed = false;
    for (SourceFile f : c.files()) {
      CompilationUnit cu = Parsing.parse(f.text(), c.testCase().id() + " " + f.name());
      changed |= rewriting.rewrite(cu, fresh);
      out.add(new SourceFile(f.name(), cu.toString()));
    }
    return changed ? out : List.of();
  }

  /** Where the checks' tests are: the module's test sources, package dev.readonce.checker. */
  private static Path testSources() {
    Path module = Path.of(System.getProperty("basedir", "."));
    Path dir = module.resolve("src/test/java/dev/readonce/checker");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("cannot find the checks' tests at " + dir.toAbsolutePath());
    }
    return dir;
  }

  private static void clean(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  public List<MarkedCase> cases() {
    return cases;
  }

  public List<String> skipped() {
    return skipped;
  }

  public List<Variant> variants() {
    return variants;
  }

  /** The baseline unit of a case: its marked files, not rewritten. */
  public Unit baseline(MarkedCase c) {
    return baselines.get(c.testCase().id());
  }

  /** What compiling {@code unit} gave. */
  public Outcome outcome(Unit unit) {
    return outcomes.get(unit.pkg());
  }

  /** The verdict on the case as written (marked, not rewritten). */
  public Set<String> baselineVerdict(MarkedCase c) {
    return baselineVerdicts.computeIfAbsent(
        c.testCase().id(), k -> Verdict.of(baseline(c), outcome(baseline(c)).found()));
  }

  /**
   * Where a baseline disagrees with its test: it does not compile, or the test's own check does
   * not flag exactly the statements its {@code // BUG} marks point at. Any such problem is a bug
   * of the extraction or the marking, not of the checks.
   */
  public List<String> baselineProblems() {
    List<String> out = new ArrayList<>();
    for (MarkedCase c : cases) {
      Outcome o = outcome(baseline(c));
      if (!o.errors().isEmpty()) {
        out.add(c.testCase().id() + ": does not compile: " + o.errors());
        continue;
      }
      if (c.expectedLines().isEmpty() || c.testCase().ownRule().isEmpty()) {
        continue;
      }
      String rule = c.testCase().ownRule().get();
      List<MarkedCase.Origin> flagged = new ArrayList<>();
      for (String pair : baselineVerdict(c)) {
        if (pair.startsWith(rule + " @ ")) {
          MarkedCase.Origin origin = c.origins().get(pair.substring(pair.indexOf(" @ ") + 3));
          if (origin == null) {
            out.add(c.testCase().id() + ": finding outside any marked statement: " + pair);
          } else {
            flagged.add(origin);
          }
        }
      }
      for (MarkedCase.Origin expected : c.expectedLines()) {
        if (flagged.stream().noneMatch(f -> f.covers(expected))) {
          out.add(c.testCase().id() + ": the test expects " + rule + " at " + expected
              + " but the baseline has none there");
        }
      }
      for (MarkedCase.Origin f : flagged) {
        if (c.expectedLines().stream().noneMatch(f::covers)) {
          out.add(c.testCase().id() + ": " + rule + " at " + f + " is not expected by the test");
        }
      }
    }
    return out;
  }
}

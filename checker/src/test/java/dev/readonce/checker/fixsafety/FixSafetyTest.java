package dev.readonce.checker.fixsafety;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import dev.readonce.checker.metamorphic.Corpus;
import dev.readonce.checker.metamorphic.Identity;
import dev.readonce.checker.metamorphic.KnownFailures;
import dev.readonce.checker.metamorphic.MarkedCase;
import dev.readonce.checker.metamorphic.Parsing;
import dev.readonce.checker.metamorphic.SharedCorpus;
import dev.readonce.checker.metamorphic.SourceFile;
import dev.readonce.checker.metamorphic.VariantCompiler;
import dev.readonce.checker.metamorphic.VariantCompiler.Outcome;
import dev.readonce.checker.metamorphic.VariantCompiler.Unit;
import dev.readonce.checker.metamorphic.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every suggested fix, applied by Error Prone's patch mode ({@code -XepPatchChecks},
 * {@code -XepPatchLocation:IN_PLACE}) to every case that has a finding — as written and in every
 * metamorphic variant, one check at a time and, where PlainSlotRead and UnlockedReread both fire,
 * every check at once — gives code that compiles, that the checks no longer flag at the fixed
 * statements nor anywhere new, and that still reads, inside every loop, each slot the loop read
 * before (a later pass needs its own read). Pairs in {@code known-failures.txt} must still fail.
 */
@ExtendWith(SharedCorpus.class)
class FixSafetyTest {

  private static final String KNOWN = "/fixsafety/known-failures.txt";
  private static final String AS_WRITTEN = "as-written";
  private static final int BATCH = 120;

  /**
   * The rule of a subject patched with every check's fixes at once: a unit where both checks that
   * offer fixes fire. (None of the corpus's units has both fix one read; PatchAllChecksTest has
   * such cases, MM-7.)
   */
  private static final String ALL = "ALL";

  /** A unit with findings of {@code rule}, whose fixes it gets, and where it came from. */
  private record Subject(
      String key, String rule, MarkedCase marked, Unit unit, Set<String> verdict) {}

  @Test
  void fixesCompileSilenceTheFindingAndKeepLoopReads(Corpus corpus) {
    List<Subject> subjects = new ArrayList<>();
    for (MarkedCase c : corpus.cases()) {
      Unit u = corpus.baseline(c);
      add(subjects, KnownFailures.key(c.testCase().id(), AS_WRITTEN), c, u, corpus.outcome(u));
    }
    for (Corpus.Variant v : corpus.variants()) {
      add(subjects, v.key(), v.marked(), v.unit(), corpus.outcome(v.unit()));
    }

    Path root = Path.of("target", "fixsafety");
    VariantCompiler compiler = new VariantCompiler(root);
    // One check's fixes at a time, so that what is still flagged afterwards is that check's own
    // verdict on its own fix; then every check's at once (ALL) where two checks fix reads.
    for (Class<?> check : VariantCompiler.CHECKS) {
      List<Unit> units =
          subjects.stream()
              .filter(s -> s.rule().equals(check.getSimpleName()))
              .map(Subject::unit)
              .toList();
      List<String> patch =
          List.of("-XepPatchChecks:" + check.getSimpleName(), "-XepPatchLocation:IN_PLACE");
      for (int i = 0; i < units.size(); i += BATCH) {
        compiler.compile(units.subList(i, Math.min(units.size(), i + BATCH)), patch);
      }
    }
    List<Unit> together =
        subjects.stream().filter(s -> s.rule().equals(ALL)).map(Subject::unit).toList();
    String every =
        VariantCompiler.CHECKS.stream()
            .map(Class::getSimpleName)
            .collect(Collectors.joining(","));
    // In the order a build runs them (the checker's service file lists them by name), in which
    // PlainSlotRead's edits come before UnlockedReread's.
    VariantCompiler asBuilt =
        new VariantCompiler(
            root,
            VariantCompiler.CHECKS.stream()
                .sorted(java.util.Comparator.comparing(Class::getName))
                .toList());
    for (int i = 0; i < together.size(); i += BATCH) {
      asBuilt.compile(
          together.subList(i, Math.min(together.size(), i + BATCH)),
          List.of("-XepPatchChecks:" + every, "-XepPatchLocation:IN_PLACE"));
    }
    Map<String, Unit> patched = new LinkedHashMap<>();
    for (Subject s : subjects) {
      Unit after = readBack(compiler, s.unit());
      if (!after.judged().equals(s.unit().judged())) {
        patched.put(s.unit().pkg(), after);
      }
    }
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    List<Unit> patchedUnits = new ArrayList<>(patched.values());
    for (int i = 0; i < patchedUnits.size(); i += BATCH) {
      outcomes.putAll(
          compiler.compileWritten(
              patchedUnits.subList(i, Math.min(patchedUnits.size(), i + BATCH)), List.of()));
    }

    Map<String, String> known = KnownFailures.load(KNOWN);
    List<String> problems = new ArrayList<>();
    Set<String> stillFailing = new TreeSet<>();
    int fixed = 0;
    for (Subject s : subjects) {
      Unit after = patched.get(s.unit().pkg());
      if (after == null) {
        continue;
      }
      fixed++;
      List<String> wrong = judge(s, after, outcomes.get(after.pkg()));
      if (wrong.isEmpty()) {
        continue;
      }
      if (known.containsKey(s.key())) {
        stillFailing.add(s.key());
      } else {
        problems.add(
            s.key() + " (fixed code in " + root.resolve(after.pkg()) + "):\n  "
                + String.join("\n  ", wrong));
      }
    }
    Set<String> nowSafe = new TreeSet<>(known.keySet());
    nowSafe.removeAll(stillFailing);
    System.out.printf(
        "Fix safety: %d (unit, check) pairs with findings (cases as written and metamorphic"
            + " variants), %d got fixes applied, %d unsafe, %d known failures still failing"
            + " (of %d listed)%n",
        subjects.size(), fixed, problems.size(), stillFailing.size(), known.size());
    assertTrue(fixed > 0, "no suggested fix was applied: the test tests nothing");
    for (String k : nowSafe) {
      problems.add(k + ": listed as a known failure but its fixes are now safe (or it has none);"
          + " remove it from " + KNOWN);
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " problems:\n" + String.join("\n\n", problems));
    }
  }

  private static void add(
      List<Subject> out, String key, MarkedCase c, Unit unit, Outcome outcome) {
    if (outcome == null || !outcome.errors().isEmpty() || outcome.found().isEmpty()) {
      return;
    }
    Set<String> verdict = Verdict.of(unit, outcome.found());
    Set<String> rules = new TreeSet<>();
    verdict.forEach(pair -> rules.add(pair.substring(0, pair.indexOf(" @ "))));
    int n = 0;
    if (rules.contains("PlainSlotRead") && rules.contains("UnlockedReread")) {
      rules.add(ALL);
    }
    for (String rule : rules) {
      n++;
      Unit copy = new Unit(unit.pkg() + "x" + n, unit.judged(), unit.shared());
      out.add(new Subject(key + ":" + rule, rule, c, copy, verdict));
    }
  }

  /** What is wrong with the fixed unit; empty when the fixes are safe. */
  private static List<String> judge(Subject s, Unit after, Outcome outcome) {
    List<String> wrong = new ArrayList<>();
    if (!outcome.errors().isEmpty()) {
      wrong.add("the fixed code does not compile: " + outcome.errors().get(0));
      return wrong;
    }
    Set<String> verdict = Verdict.of(after, outcome.found());
    Set<String> changed = new TreeSet<>();
    Map<String, Set<String>> loopsBefore = new LinkedHashMap<>();
    Map<String, Set<String>> loopsAfter = new LinkedHashMap<>();
    for (int i = 0; i < s.unit().judged().size(); i++) {
      Map<String, String> before = statements(s.unit(), s.unit().judged().get(i), loopsBefore);
      Map<String, String> now = statements(after, after.judged().get(i), loopsAfter);
      for (Map.Entry<String, String> e : before.entrySet()) {
        if (!e.getValue().equals(now.get(e.getKey()))) {
          changed.add(e.getKey());
        }
      }
    }
    for (String pair : verdict) {
      String id = pair.substring(pair.indexOf(" @ ") + 3);
      if (!s.verdict().contains(pair)) {
        wrong.add("the fix brought a new finding: " + Verdict.describe(pair, s.marked()));
      } else if (changed.contains(id)
          && pair.startsWith((s.rule().equals(ALL) ? "PlainSlotRead" : s.rule()) + " @ ")) {
        // All at once, a changed statement may keep an UnlockedReread that has no fix (in a
        // loop) after PlainSlotRead's rename; a plain read left behind is always wrong.
        wrong.add("still flagged after its fix: " + Verdict.describe(pair, s.marked()));
      }
    }
    for (Map.Entry<String, Set<String>> loop : loopsBefore.entrySet()) {
      Set<String> now = loopsAfter.getOrDefault(loop.getKey(), Set.of());
      Set<String> lost = new TreeSet<>(loop.getValue());
      lost.removeAll(now);
      if (!lost.isEmpty()) {
        wrong.add(
            "the loop at " + describe(loop.getKey(), s.marked()) + " no longer reads " + lost
                + ": a later pass would decide on a stale value");
      }
    }
    return wrong;
  }

  /** Each marked statement's text (markers and spaces left out), and each loop's slot reads. */
  private static Map<String, String> statements(
      Unit unit, SourceFile file, Map<String, Set<String>> loops) {
    String text = VariantCompiler.text(unit, file);
    CompilationUnit cu = Parsing.parse(text, unit.pkg() + "/" + file.name());
    Map<Range, String> owners = Identity.owners(cu);
    String[] lines = text.split("\n", -1);
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<Range, String> e : owners.entrySet()) {
      out.merge(e.getValue(), normalized(lines, e.getKey()), String::concat);
    }
    LoopReads.of(cu, owners).forEach((id, reads) -> loops.merge(id, reads, (a, b) -> {
      Set<String> all = new TreeSet<>(a);
      all.addAll(b);
      return all;
    }));
    return out;
  }

  private static String normalized(String[] lines, Range r) {
    StringBuilder b = new StringBuilder();
    for (int l = r.begin.line; l <= r.end.line; l++) {
      String line = lines[l - 1];
      int from = l == r.begin.line ? r.begin.column - 1 : 0;
      int to = l == r.end.line ? Math.min(line.length(), r.end.column) : line.length();
      b.append(line, from, to);
    }
    return b.toString().replaceAll("/\\*@(S\\d+|N)\\*/", "").replaceAll("\\s+", "");
  }

  private static String describe(String id, MarkedCase marked) {
    MarkedCase.Origin o = marked.origins().get(id);
    return o == null ? id : o.toString();
  }

  /** The unit as the patch left it on disk. */
  private static Unit readBack(VariantCompiler compiler, Unit unit) {
    List<SourceFile> files = new ArrayList<>();
    for (SourceFile f : unit.judged()) {
      try {
        String text = Files.readString(compiler.path(unit, f), UTF_8);
        String header = "package " + unit.pkg() + ";\n";
        if (!text.startsWith(header)) {
          throw new IllegalStateException(compiler.path(unit, f) + ": the patch moved its header");
        }
        files.add(new SourceFile(f.name(), text.substring(header.length())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Unit(unit.pkg(), files, unit.shared());
  }
}

package dev.readonce.bench.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.bench.compile.AlternatingRounds.Samples;
import dev.readonce.bench.javac.Clock;
import dev.readonce.bench.javac.Compilation;
import dev.readonce.bench.javac.Configuration;
import dev.readonce.bench.javac.Corpus;
import dev.readonce.bench.javac.Finding;
import dev.readonce.bench.javac.JavacRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corpus of several compilations: a round's times are their sums; findings fail by name. */
class AlternatingRoundsTest {

  private static final Corpus SMALL = corpus("small");
  private static final Corpus LARGE = corpus("large");
  private static final Corpus WHOLE = corpus("whole");
  private static final List<Configuration> BOTH =
      List.of(Configuration.EP_NO_CHECKS, Configuration.EP_READONCE);

  /** Fixed times per corpus and configuration (off: checks off; on: ReadOnce on). */
  private record FakeJavac(Map<String, long[]> wallOffOn, List<String> log, String findingIn)
      implements JavacRunner {

    @Override
    public Compilation compile(Corpus corpus, List<String> options) {
      boolean on = String.join(" ", options).contains("-Xep:UnlockedReread:WARN");
      log.add(corpus.name() + (on ? " on" : " off"));
      long wall = wallOffOn.get(corpus.name())[on ? 1 : 0];
      List<Finding> findings = new ArrayList<>();
      // javac's own warning: never a finding.
      findings.add(new Finding(Diagnostic.Kind.WARNING, "", "F.java", 1, "unchecked"));
      if (on && corpus.name().equals(findingIn)) {
        findings.add(
            new Finding(Diagnostic.Kind.WARNING, "UnlockedReread", "F.java", 7, "re-read"));
      }
      return new Compilation(corpus.name(), new Clock.Times(wall, wall / 2, wall * 2), findings);
    }
  }

  @Test
  void aRoundOfSeveralCompilationsSumsThemAndTheRatioIsOfTheSums() throws Exception {
    List<String> log = new ArrayList<>();
    JavacRunner javac =
        new FakeJavac(
            Map.of("small", new long[] {100, 150}, "large", new long[] {300, 310}), log, "");
    Samples s = rounds(javac).run(WHOLE, List.of(SMALL, LARGE), BOTH, 2, 3);

    assertEquals(List.of(400L, 400L, 400L), s.nanos(Configuration.EP_NO_CHECKS, Measure.WALL));
    assertEquals(List.of(460L, 460L, 460L), s.nanos(Configuration.EP_READONCE, Measure.WALL));
    assertEquals(List.of(920L, 920L, 920L), s.nanos(Configuration.EP_READONCE, Measure.CPU));
    // 460 / 400, not the mean of 150 / 100 and 310 / 300.
    assertEquals(
        1.15,
        s.pairedRatio(Configuration.EP_READONCE, Configuration.EP_NO_CHECKS, Measure.WALL),
        1e-9);
    // Every round (warm-up ones too) compiles each class once per configuration, in order.
    assertEquals(5 * 2 * 2, log.size());
    assertEquals(List.of("small off", "large off", "small on", "large on"), log.subList(0, 4));
    assertEquals(0, s.readOnceFindings());
  }

  @Test
  void oneCompilationIsTheCorpusItself() throws Exception {
    JavacRunner javac =
        new FakeJavac(Map.of("whole", new long[] {200, 260}), new ArrayList<>(), "");
    Samples s = rounds(javac).run(WHOLE, BOTH, 0, 2);
    assertEquals(List.of(260L, 260L), s.nanos(Configuration.EP_READONCE, Measure.WALL));
  }

  @Test
  void aFindingInOneCompilationFailsTheRunNamingIt() {
    JavacRunner javac =
        new NoFindings(
            new FakeJavac(
                Map.of("small", new long[] {100, 150}, "large", new long[] {300, 310}),
                new ArrayList<>(),
                "large"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> rounds(javac).run(WHOLE, List.of(SMALL, LARGE), BOTH, 1, 1));
    assertTrue(e.getMessage().startsWith("large should have no finding"), e.getMessage());
    assertTrue(e.getMessage().contains("UnlockedReread=1"), e.getMessage());
  }

  @Test
  void javacsOwnWarningsAreNotFindings() throws Exception {
    JavacRunner javac =
        new NoFindings(
            new FakeJavac(
                Map.of("small", new long[] {100, 150}, "large", new long[] {300, 310}),
                new ArrayList<>(),
                ""));
    Samples s = rounds(javac).run(WHOLE, List.of(SMALL, LARGE), BOTH, 1, 1);
    assertEquals(List.of(460L), s.nanos(Configuration.EP_READONCE, Measure.WALL));
  }

  @Test
  void aCorpusWithoutATargetSaysSoAndOneWithATargetGetsAVerdict(@TempDir Path dir)
      throws Exception {
    Path source = Files.writeString(dir.resolve("Whole.java"), "class Whole {}\n");
    Corpus whole = new Corpus("whole", List.of(source), List.of());
    JavacRunner javac =
        new FakeJavac(
            Map.of("small", new long[] {100, 150}, "large", new long[] {300, 310}),
            new ArrayList<>(),
            "");
    Samples s = rounds(javac).run(whole, List.of(SMALL, LARGE), BOTH, 0, 3);
    String none = OverheadReport.format("cold", whole, s, Double.NaN, 0, 3);
    assertTrue(none.contains("+15.0% (median of 3"), none);
    assertTrue(none.contains("no target"), none);
    assertTrue(!none.contains("MET") && !none.contains("MISSED"), none);
    String missed = OverheadReport.format("cold", whole, s, 10.0, 0, 3);
    assertTrue(missed.contains("target +10%: MISSED"), missed);
    OverheadReport.Overhead parsed =
        OverheadReport.Overhead.parse(
            OverheadReport.overhead("cold", whole, s, Measure.WALL, Double.NaN).line());
    assertTrue(Double.isNaN(parsed.targetPercent()));
  }

  private static AlternatingRounds rounds(JavacRunner javac) {
    return new AlternatingRounds(
        javac, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static Corpus corpus(String name) {
    return new Corpus(name, List.of(Path.of(name + ".java")), List.of());
  }
}

package dev.readonce.checker.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Sets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checker measured on history: the sample walker's pre-RFC and RFC variants (the kernel code
 * before its fixes) carry a {@code // expect: Check} marker beside every line where a rule is
 * violated; compiled with every ReadOnce check, the findings equal the markers, both ways. A
 * finding on correct code that the checker cannot avoid is marked {@code // false-positive: Check}
 * with the reason; those are part of the comparison (so a change in them is noticed) and are the
 * checker's measured imprecision on history. The machine and the fixed variant carry no markers and
 * produce no findings.
 *
 * <p>Reads the walker's sources from the repository ({@code ../sample-walker}); the walker module
 * itself is built after the checker.
 */
class WalkerHistoryTest {

  private static final Path WALKER =
      Path.of("..", "sample-walker", "src").toAbsolutePath().normalize();
  private static final Path MAIN = WALKER.resolve("main/java");
  private static final Path HISTORY = WALKER.resolve("history/java");

  private static ImmutableSortedSet<MarkedSources.Mark> markers;
  private static ImmutableSortedSet<MarkedSources.Mark> falsePositives;
  private static ImmutableSortedSet<MarkedSources.Mark> falseNegatives;
  private static ImmutableSortedSet<MarkedSources.Mark> findings;

  @BeforeAll
  static void compileTheWalker() {
    assertTrue(Files.isDirectory(MAIN), "no walker sources at " + MAIN);
    assertTrue(Files.isDirectory(HISTORY), "no historical variants at " + HISTORY);
    List<Path> files = MarkedSources.javaFiles(MAIN, HISTORY);
    markers = MarkedSources.markers(WALKER, files);
    falsePositives = MarkedSources.falsePositives(WALKER, files);
    falseNegatives = MarkedSources.falseNegatives(WALKER, files);
    findings = MarkedSources.findings(WALKER, files);
  }

  private static ImmutableSortedSet<MarkedSources.Mark> in(
      ImmutableSortedSet<MarkedSources.Mark> marks, String packagePath) {
    return marks.stream()
        .filter(m -> m.file().contains("/dev/readonce/walker/" + packagePath + "/"))
        .collect(ImmutableSortedSet.toImmutableSortedSet(java.util.Comparator.naturalOrder()));
  }

  private static void assertSame(String packagePath) {
    ImmutableSortedSet<MarkedSources.Mark> expected =
        ImmutableSortedSet.<MarkedSources.Mark>naturalOrder()
            .addAll(in(markers, packagePath))
            .addAll(in(falsePositives, packagePath))
            .build();
    ImmutableSortedSet<MarkedSources.Mark> actual = in(findings, packagePath);
    assertFalse(in(markers, packagePath).isEmpty(), "no markers in " + packagePath);
    assertEquals(
        "",
        "missed (marked, not found):\n"
            .concat(list(Sets.difference(expected, actual)))
            .concat("extra (found, not marked):\n")
            .concat(list(Sets.difference(actual, expected)))
            .replaceAll(
                "^missed \\(marked, not found\\):\\nextra \\(found, not marked\\):\\n$", ""));
  }

  private static String list(Sets.SetView<MarkedSources.Mark> marks) {
    return marks.stream().map(m -> "  " + m + "\n").collect(Collectors.joining());
  }

  @Test
  void preRfcFindingsMatchItsMarkers() {
    assertSame("prerfc");
  }

  @Test
  void rfcFindingsMatchItsMarkers() {
    assertSame("rfc");
  }

  @Test
  void knownMissesAreStillMissed() {
    assertEquals(
        ImmutableSortedSet.of(),
        ImmutableSortedSet.copyOf(Sets.intersection(falseNegatives, findings)),
        "the checker now finds a marked false negative: turn its marker into // expect:");
  }

  @Test
  void theRfcResidualRefaultRaceIsFlagged() {
    assertTrue(
        in(findings, "rfc").stream().anyMatch(m -> m.check().equals("DescentWithoutPointerCheck")),
        findings.toString());
  }

  @Test
  void theFfef67b93aa3ShapeIsFlagged() {
    assertTrue(
        in(findings, "rfc").stream().anyMatch(m -> m.check().equals("MissingRevalidation")),
        findings.toString());
  }

  /** The numbers on {@code checker/docs/history.md} are the markers' (the page cannot drift). */
  @Test
  void historyPageCountsAreTheMarkers() throws java.io.IOException {
    String page = Files.readString(Path.of("docs", "history.md"));
    for (String check : MarkedSources.CHECKS) {
      java.util.regex.Matcher row =
          java.util.regex.Pattern.compile("\\| " + check + " \\| (\\d+) \\| (\\d+) \\|")
              .matcher(page);
      assertTrue(row.find(), "no row for " + check + " on docs/history.md");
      assertEquals(count(markers, "prerfc", check), Long.parseLong(row.group(1)), check);
      assertEquals(count(markers, "rfc", check), Long.parseLong(row.group(2)), check);
    }
    long falsePositiveCount = falsePositives.size();
    assertTrue(
        page.contains("## Known false positives: " + falsePositiveCount),
        "docs/history.md should say " + falsePositiveCount + " false positives");
    // The findings, as the markers count them: one per check and line (the README quotes it).
    assertTrue(
        page.contains(findings.size() + " (check, line) pairs"),
        "docs/history.md should count " + findings.size() + " (check, line) pairs");
  }

  private static long count(
      ImmutableSortedSet<MarkedSources.Mark> marks, String packagePath, String check) {
    return in(marks, packagePath).stream().filter(m -> m.check().equals(check)).count();
  }

  @Test
  void machineAndFixedVariantAreClean() {
    for (String clean : List.of("mm", "fixed")) {
      assertEquals(ImmutableSortedSet.of(), in(markers, clean), "markers in " + clean);
      assertEquals(ImmutableSortedSet.of(), in(falsePositives, clean), "markers in " + clean);
      assertEquals(ImmutableSortedSet.of(), in(findings, clean), "findings in " + clean);
    }
  }
}

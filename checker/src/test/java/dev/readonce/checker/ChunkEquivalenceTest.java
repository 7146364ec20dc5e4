package dev.readonce.checker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analyzing a long body as a chain of chunks loses and adds no finding: the walker (its main
 * sources and the pre-RFC and RFC variants of history), every test case of the checks with the
 * shared {@link Fixtures}, and the declared bin map are compiled with every ReadOnce check, once
 * with every body split as finely as possible ({@code -XepOpt:ReadOnce:ChunkStatements=1}, each
 * top-level statement its own CFG; and {@code =2}) and once with one CFG per body ({@code =0}),
 * and the compilations report exactly the same diagnostics (messages, so fixes' names too).
 */
class ChunkEquivalenceTest {

  private static final Path WALKER =
      Path.of("..", "sample-walker", "src").toAbsolutePath().normalize();

  private static String chunks(int statements) {
    return "-XepOpt:ReadOnce:ChunkStatements=" + statements;
  }

  @Test
  void walkerAndHistoryFindTheSameInChunksAndWhole() throws IOException {
    List<Path> files =
        PrepassEquivalenceTest.javaFiles(
            WALKER.resolve("main/java"), WALKER.resolve("history/java"));
    assertTrue(files.size() > 40, "walker sources: " + files.size());
    List<String> whole = PrepassEquivalenceTest.compile(files, true, chunks(0));
    assertTrue(whole.size() > 50, "the history variants should have findings: " + whole);
    assertEquals(whole, PrepassEquivalenceTest.compile(files, true, chunks(1)));
    assertEquals(whole, PrepassEquivalenceTest.compile(files, true, chunks(2)));
  }

  @Test
  void checkTestCasesFindTheSameInChunksAndWhole(@TempDir Path dir) throws IOException {
    Map<String, List<PrepassEquivalenceTest.Source>> cases = PrepassEquivalenceTest.testCases();
    assertTrue(cases.size() > 40, "test cases found: " + cases.size());
    List<Path> files = new ArrayList<>();
    int n = 0;
    for (List<PrepassEquivalenceTest.Source> sources : cases.values()) {
      String pkg = "case" + n++;
      Map<String, String[]> all = new LinkedHashMap<>(Fixtures.sources());
      sources.forEach(s -> all.put(s.name(), s.lines().toArray(String[]::new)));
      for (Map.Entry<String, String[]> file : all.entrySet()) {
        Path path = dir.resolve(pkg).resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(
            path, "package " + pkg + ";\n" + String.join("\n", file.getValue()) + "\n", UTF_8);
        files.add(path);
      }
    }
    List<String> whole = PrepassEquivalenceTest.compile(files, true, chunks(0));
    List<String> errors = whole.stream().filter(d -> d.contains(" ERROR ")).toList();
    assertEquals(List.of(), errors, "the test cases should compile");
    long findings = whole.stream().filter(d -> d.contains("WARNING")).count();
    assertTrue(findings > 50, "the test cases should have findings: " + findings);
    assertEquals(whole, PrepassEquivalenceTest.compile(files, true, chunks(1)));
    assertEquals(whole, PrepassEquivalenceTest.compile(files, true, chunks(2)));
  }

  /**
   * The test cases of the lock and hint vocabulary (their own packages: each case states its
   * classes), where what a method's exit holds is judged ({@code @AcquiresLock},
   * {@code @ReleasesLock}, {@code @ValidatesHint}).
   */
  @Test
  void lockAndHintTestCasesFindTheSameInChunksAndWhole(@TempDir Path dir) throws IOException {
    Path tests = Path.of("src/test/java/dev/readonce/checker");
    Map<String, List<PrepassEquivalenceTest.Source>> cases = new LinkedHashMap<>();
    cases.putAll(PrepassEquivalenceTest.testCases(tests.resolve("locks")));
    cases.putAll(PrepassEquivalenceTest.testCases(tests.resolve("hints")));
    // Only the cases written as literals are read (most of these build their sources).
    assertTrue(cases.size() >= 10, "test cases found: " + cases.size());
    List<Path> files = new ArrayList<>();
    int n = 0;
    for (List<PrepassEquivalenceTest.Source> sources : cases.values()) {
      String pkg = "case" + n++;
      for (PrepassEquivalenceTest.Source s : sources) {
        Path path = dir.resolve(pkg).resolve(s.name());
        Files.createDirectories(path.getParent());
        Files.writeString(
            path, "package " + pkg + ";\n" + String.join("\n", s.lines()) + "\n", UTF_8);
        files.add(path);
      }
    }
    List<String> whole = PrepassEquivalenceTest.compile(files, true, chunks(0));
    List<String> errors = whole.stream().filter(d -> d.contains(" ERROR ")).toList();
    assertEquals(List.of(), errors, "the test cases should compile");
    long findings = whole.stream().filter(d -> d.contains("WARNING")).count();
    assertTrue(findings > 10, "the test cases should have findings: " + findings);
    assertEquals(whole, PrepassEquivalenceTest.compile(files, true, chunks(1)));
  }

  @Test
  void declaredBinMapFindsTheSameInChunksAndWhole() throws IOException {
    Path dir = Path.of("src/test/resources/declarations");
    String decls = "-XepOpt:ReadOnce:Declarations=" + dir.resolve("binmap.decls").toAbsolutePath();
    List<Path> files = List.of(dir.resolve("BinMap.java"));
    List<String> whole = PrepassEquivalenceTest.compile(files, true, decls, chunks(0));
    assertEquals(whole, PrepassEquivalenceTest.compile(files, true, decls, chunks(1)));
  }
}

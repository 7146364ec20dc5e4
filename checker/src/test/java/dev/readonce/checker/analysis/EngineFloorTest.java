package dev.readonce.checker.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.CompilationTestHelper;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import dev.readonce.checker.ReadOnceConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark engines ({@code -XepOpt:ReadOnce:Engine=floor|cfg}) analyze exactly the bodies the
 * analysis does, so they build the same CFGs: the ones the fast path and the pre-pass let through,
 * lambdas, and a skipped body that a caller forces for its summary; and they find nothing.
 */
class EngineFloorTest {

  private static final String SLOTS =
      """
      import dev.readonce.annotations.*;
      import java.lang.invoke.*;
      final class Slots {
        static final VarHandle E = MethodHandles.arrayElementVarHandle(long[].class);
        @ReadOnce final long[] table = new long[8];
        final int index = 0;
        @ReadOnce long get() { return (long) E.getOpaque(table, index); }
      }
      """;

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(EngineCountPrinter.class, getClass())
          .addSourceLines("Slots.java", SLOTS);

  @Test
  void floorAndCfgAnalyzeTheSameBodiesAndFindNothing() {
    // Analyzed: twice (a re-read: the one finding), the lambda (a re-read too), and helper, which
    // mentions no slot (skipped by the fast path) but is forced for its summary by twice's call.
    // Skipped: plain (no slot), once (the pre-pass: one atomic read), the constructor.
    helper
        .addSourceLines(
            "CountCase.java",
            "// BUG: Diagnostic contains: dataflow 3 bodies 2 findings; floor 3 bodies 0 findings;"
                + " cfg 2",
            "class CountCase {",
            "  long twice(Slots s) {",
            "    long a = s.get();",
            "    if (a == 0) return 0;",
            "    long b = s.get();",
            "    return a + b + helper(s);",
            "  }",
            "  long helper(Slots s) { return 1; }",
            "  long plain(int x) { return x + 1; }",
            "  long once(Slots s) { return s.get(); }",
            "  Runnable r = () -> {",
            "    Slots s = new Slots();",
            "    long v = s.get();",
            "    if (v == 0) { v = s.get(); }",
            "  };",
            "}")
        .doTest();
  }

  @Test
  void overTheWalkerAndItsHistoryTheFloorAnalyzesTheSameBodies(@TempDir Path out)
      throws IOException {
    Path walker = Path.of("..", "sample-walker", "src").toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> main = Files.walk(walker.resolve("main/java"));
        Stream<Path> history = Files.walk(walker.resolve("history/java"))) {
      files =
          Stream.concat(main, history)
              .filter(f -> f.toString().endsWith(".java"))
              .sorted()
              .toList();
    }
    Map<Engine, int[]> counts = countPerEngine(files, out);
    int[] dataflow = counts.get(Engine.DATAFLOW);
    int[] floor = counts.get(Engine.FLOOR);
    assertTrue(dataflow[0] > 50, "bodies analyzed: " + dataflow[0]);
    assertTrue(dataflow[1] > 50, "the history variants should have findings: " + dataflow[1]);
    assertEquals(dataflow[0], floor[0], "bodies analyzed by the floor");
    assertEquals(0, floor[1], "findings of the floor");
    assertEquals(0, counts.get(Engine.CFG)[1], "findings of the cfg engine");
  }

  /**
   * Compiles the files and, once javac's flow analysis is done (the point where Error Prone runs),
   * analyzes every unit with each engine: per engine, {bodies analyzed, findings}.
   */
  private static Map<Engine, int[]> countPerEngine(List<Path> files, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<Engine, int[]> counts = new EnumMap<>(Engine.class);
    for (Engine e : Engine.values()) {
      counts.put(e, new int[2]);
    }
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  new StringWriter(),
                  fm,
                  diagnostics,
                  List.of(
                      "-classpath",
                      System.getProperty("java.class.path"),
                      "-proc:none",
                      "-parameters",
                      "-d",
                      out.toString(),
                      // Every class attributed and flowed before the first ANALYZE event, as
                      // Error Prone requires.
                      "-XDcompilePolicy=simple"),
                  null,
                  fm.getJavaFileObjectsFromPaths(files));
      Context context = ((BasicJavacTask) task).getContext();
      Set<CompilationUnitTree> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      task.addTaskListener(
          new TaskListener() {
            @Override
            public void finished(TaskEvent event) {
              if (event.getKind() != TaskEvent.Kind.ANALYZE
                  || !seen.add(event.getCompilationUnit())) {
                return;
              }
              for (Engine engine : Engine.values()) {
                ReadOnceConfig config =
                    new ReadOnceConfig(ImmutableList.of(), false, Optional.empty(), true, engine);
                UnitAnalysis unit =
                    new UnitAnalysis(
                        event.getCompilationUnit(),
                        dev.readonce.checker.model.ContractsFactory.create(context, config),
                        UnitAnalysis.Settings.DEFAULT.withEngine(engine),
                        Types.instance(context),
                        JavacProcessingEnvironment.instance(context));
                int findings = unit.allFindings().size();
                counts.get(engine)[0] += unit.bodiesAnalyzed();
                counts.get(engine)[1] += findings;
              }
            }
          });
      assertTrue(task.call(), () -> "the walker should compile: " + diagnostics.getDiagnostics());
    }
    return counts;
  }
}

package dev.readonce.checker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feasibility pre-pass loses no finding: the walker (its main sources and the pre-RFC and RFC
 * variants of history) and every test case of the checks are compiled with every ReadOnce check,
 * once with the pre-pass and once without ({@code -XepOpt:ReadOnce:Prepass=false}), and the two
 * compilations report exactly the same diagnostics.
 *
 * <p>The test cases are read from the checks' test classes (their {@code addSourceLines} calls,
 * with string literals or string-array constants), each compiled in a package of its own with the
 * shared {@link Fixtures}, so that all of them fit in one compilation.
 */
class PrepassEquivalenceTest {

  private static final Path CHECKER_TESTS = Path.of("src/test/java/dev/readonce/checker");
  private static final Path WALKER =
      Path.of("..", "sample-walker", "src").toAbsolutePath().normalize();
  private static final List<String> CHECKS =
      List.of(
          "UnlockedReread",
          "PlainSlotRead",
          "SnapshotNotPassed",
          "MissingRevalidation",
          "DescentWithoutPointerCheck",
          "UnlockedSlotWrite");

  @Test
  void walkerAndHistoryFindTheSameWithAndWithoutThePrepass() throws IOException {
    List<Path> files = javaFiles(WALKER.resolve("main/java"), WALKER.resolve("history/java"));
    assertTrue(files.size() > 40, "walker sources: " + files.size());
    List<String> with = compile(files, true);
    List<String> without = compile(files, false);
    assertTrue(with.size() > 50, "the history variants should have findings: " + with);
    assertEquals(without, with);
  }

  @Test
  void checkTestCasesFindTheSameWithAndWithoutThePrepass(@TempDir Path dir) throws IOException {
    Map<String, List<Source>> cases = testCases();
    assertTrue(cases.size() > 40, "test cases found: " + cases.size());
    List<Path> files = new ArrayList<>();
    int n = 0;
    for (List<Source> sources : cases.values()) {
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
    List<String> with = compile(files, true);
    List<String> without = compile(files, false);
    List<String> errors = with.stream().filter(d -> d.contains(" ERROR ")).toList();
    assertEquals(List.of(), errors, "the test cases should compile");
    long findings = with.stream().filter(d -> d.contains("WARNING")).count();
    assertTrue(findings > 50, "the test cases should have findings: " + findings);
    assertEquals(without, with);
  }

  @Test
  void declaredBinMapFindsTheSameWithAndWithoutThePrepass() throws IOException {
    Path dir = Path.of("src/test/resources/declarations");
    String decls = "-XepOpt:ReadOnce:Declarations=" + dir.resolve("binmap.decls").toAbsolutePath();
    List<Path> files = List.of(dir.resolve("BinMap.java"));
    List<String> with = compile(files, true, decls);
    List<String> without = compile(files, false, decls);
    assertEquals(without, with);
  }

  record Source(String name, List<String> lines) {}

  /** The sources each test method adds, by class and method name. */
  static Map<String, List<Source>> testCases() throws IOException {
    return testCases(CHECKER_TESTS);
  }

  /** As above, for the test classes directly in {@code tests}. */
  static Map<String, List<Source>> testCases(Path tests) throws IOException {
    Map<String, List<Source>> out = new LinkedHashMap<>();
    JavaParser parser =
        new JavaParser(
            new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    for (Path file : javaFiles(tests)) {
      if (!file.getFileName().toString().endsWith("Test.java") || !file.getParent().equals(tests)) {
        continue;
      }
      ParseResult<CompilationUnit> parsed = parser.parse(file);
      CompilationUnit unit =
          parsed
              .getResult()
              .orElseThrow(() -> new AssertionError(file + ": " + parsed.getProblems()));
      // Sources a helper field or method adds (outside the @Test methods) belong to every case.
      List<MethodCallExpr> shared =
          unit.findAll(MethodCallExpr.class).stream()
              .filter(
                  c ->
                      enclosingMethod(c)
                          .map(m -> !m.isAnnotationPresent("Test"))
                          .orElse(true))
              .toList();
      Optional<List<Source>> common = sources(unit, shared);
      for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
        if (!method.isAnnotationPresent("Test")) {
          continue;
        }
        Optional<List<Source>> own = sources(unit, method.findAll(MethodCallExpr.class));
        if (common.isPresent() && own.isPresent() && !own.get().isEmpty()) {
          List<Source> all = new ArrayList<>(common.get());
          all.addAll(own.get());
          out.put(file.getFileName() + "#" + method.getNameAsString(), all);
        }
      }
    }
    return out;
  }

  /**
   * The sources the calls add; empty if one of them is in a named package or computed (such a
   * case is left out whole).
   */
  private static Optional<List<Source>> sources(CompilationUnit unit, List<MethodCallExpr> calls) {
    List<Source> sources = new ArrayList<>();
    for (MethodCallExpr call : calls) {
      String called = call.getNameAsString();
      if (!(called.equals("addSourceLines") || called.equals("addInputLines"))
          || call.getArguments().isEmpty()) {
        continue;
      }
      Optional<String> name = literal(call.getArgument(0));
      Optional<List<String>> lines =
          lines(unit, call.getArguments().subList(1, call.getArguments().size()));
      if (name.isEmpty() || lines.isEmpty() || startsWithPackage(lines.get())) {
        return Optional.empty();
      }
      sources.add(new Source(name.get(), lines.get()));
    }
    return Optional.of(sources);
  }

  private static boolean startsWithPackage(List<String> lines) {
    return !lines.isEmpty() && lines.get(0).strip().startsWith("package ");
  }

  private static Optional<MethodDeclaration> enclosingMethod(Node n) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof MethodDeclaration m) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> literal(Expression e) {
    if (e.isStringLiteralExpr()) {
      return Optional.of(e.asStringLiteralExpr().asString());
    }
    if (e.isTextBlockLiteralExpr()) {
      return Optional.of(e.asTextBlockLiteralExpr().asString());
    }
    return Optional.empty();
  }

  /** String literals, or one name of a string-array constant of the same class. */
  private static Optional<List<String>> lines(CompilationUnit unit, List<Expression> args) {
    if (args.size() == 1 && args.get(0) instanceof NameExpr name) {
      for (VariableDeclarator v : unit.findAll(VariableDeclarator.class)) {
        if (v.getNameAsString().equals(name.getNameAsString()) && v.getInitializer().isPresent()) {
          Expression init = v.getInitializer().get();
          if (init instanceof ArrayCreationExpr creation && creation.getInitializer().isPresent()) {
            init = creation.getInitializer().get();
          }
          if (init instanceof ArrayInitializerExpr array) {
            return lines(unit, array.getValues());
          }
        }
      }
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (Expression arg : args) {
      Optional<String> s = literal(arg);
      if (s.isEmpty()) {
        return Optional.empty();
      }
      out.add(s.get());
    }
    return Optional.of(out);
  }

  /** Every diagnostic, as "file:line:column kind message", in the order javac reported them. */
  static List<String> compile(List<Path> files, boolean prepass, String... flags)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classpath = System.getProperty("java.class.path");
    Path out = Files.createTempDirectory("prepass");
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    CHECKS.forEach(c -> plugin.append(" -Xep:").append(c).append(":WARN"));
    plugin.append(" -XepOpt:ReadOnce:Prepass=").append(prepass);
    for (String flag : flags) {
      plugin.append(' ').append(flag);
    }
    List<String> options =
        List.of(
            "-classpath", classpath,
            "-processorpath", classpath,
            "-proc:none",
            "-Xmaxwarns", String.valueOf(Integer.MAX_VALUE),
            "-Xmaxerrs", String.valueOf(Integer.MAX_VALUE),
            "-d", out.toString(),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            plugin.toString());
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      javac
          .getTask(
              new StringWriter(),
              fm,
              diagnostics,
              options,
              null,
              fm.getJavaFileObjectsFromPaths(files))
          .call();
    } finally {
      try (java.util.stream.Stream<Path> walk = Files.walk(out)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(
            d ->
                (d.getSource() == null ? "" : d.getSource().getName())
                    + ":"
                    + d.getLineNumber()
                    + ":"
                    + d.getColumnNumber()
                    + " "
                    + d.getKind()
                    + " "
                    + d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  static List<Path> javaFiles(Path... roots) {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}

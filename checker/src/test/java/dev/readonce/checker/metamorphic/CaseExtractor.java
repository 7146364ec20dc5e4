package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the checks' test classes with JavaParser and pulls out each {@code CompilationTestHelper}
 * (or refactoring helper) chain's sources, so the suite re-runs the very cases the tests hold
 * without a second copy of them.
 *
 * <p>A chain is taken when every source argument is a string literal, a text block, a
 * concatenation of those, or a {@code static final} constant of the test class holding one of
 * those (or an array of them). A chain with {@code setArgs} runs the checks under other flags and
 * is left out, as is one whose sources are computed; {@link #skipped()} says which and why.
 */
public final class CaseExtractor {

  /** Calls that add a judged source file to a helper chain. */
  private static final Set<String> ADDS = Set.of("addSourceLines", "addInputLines");

  private final Path testSources;
  private final List<String> skipped = new ArrayList<>();

  public CaseExtractor(Path testSources) {
    this.testSources = testSources;
  }

  /** Chains that could not be taken, each with the reason. */
  public List<String> skipped() {
    return Collections.unmodifiableList(skipped);
  }

  /** Every test case of every {@code *Test.java} directly in the test source directory. */
  public List<TestCase> extract() {
    List<SourceFile> fixtures = fixtures(testSources.resolve("Fixtures.java"));
    List<TestCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(testSources)) {
      for (Path file : files.filter(f -> f.toString().endsWith("Test.java")).sorted().toList()) {
        cases.addAll(casesOf(file, fixtures));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the test sources in " + testSources, e);
    }
    return cases;
  }

  private List<TestCase> casesOf(Path file, List<SourceFile> fixtures) {
    String text = read(file);
    if (!text.contains("TestHelper")) {
      return List.of();
    }
    CompilationUnit cu = Parsing.parse(text, file.toString());
    TypeDeclaration<?> type = cu.getType(0);
    String className = type.getNameAsString();
    Map<String, List<String>> constants = constants(type);
    List<SourceFile> shared = new ArrayList<>();
    if (text.contains("Fixtures.withSlots")) {
      shared.addAll(fixtures);
    }
    Optional<String> classRule = Optional.empty();
    for (Node member : type.getMembers()) {
      boolean isTest =
          member instanceof MethodDeclaration m && m.getAnnotationByName("Test").isPresent();
      if (isTest) {
        continue;
      }
      // Sources added by a helper field or helper method are shared by all of the class's tests.
      for (MethodCallExpr call : member.findAll(MethodCallExpr.class)) {
        if (ADDS.contains(call.getNameAsString())) {
          sourceOf(call, constants).ifPresent(shared::add);
        }
      }
      if (classRule.isEmpty()) {
        classRule =
            member.findAll(ClassExpr.class).stream().map(c -> c.getTypeAsString()).findFirst();
      }
    }
    List<TestCase> cases = new ArrayList<>();
    for (MethodDeclaration method : type.getMethods()) {
      if (method.getAnnotationByName("Test").isEmpty()) {
        continue;
      }
      List<MethodCallExpr> ends =
          method.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("doTest"));
      int n = 0;
      for (MethodCallExpr end : ends) {
        n++;
        String id =
            className + "." + method.getNameAsString() + (ends.size() > 1 ? "#" + n : "");
        chainCase(id, end, constants, classRule, shared).ifPresent(cases::add);
      }
    }
    return cases;
  }

  private Optional<TestCase> chainCase(
      String id,
      MethodCallExpr end,
      Map<String, List<String>> constants,
      Optional<String> classRule,
      List<SourceFile> shared) {
    List<MethodCallExpr> chain = new ArrayList<>();
    Optional<Expression> scope = Optional.of(end);
    while (scope.isPresent() && scope.get() instanceof MethodCallExpr call) {
      chain.add(0, call);
      scope = call.getScope();
    }
    Optional<String> rule = classRule;
    List<SourceFile> sources = new ArrayList<>();
    for (MethodCallExpr call : chain) {
      if (call.getNameAsString().equals("setArgs")) {
        skipped.add(id + ": runs under other flags (setArgs)");
        return Optional.empty();
      }
      Optional<ClassExpr> check =
          call.getArguments().stream()
              .flatMap(a -> a.findFirst(ClassExpr.class).stream())
              .findFirst();
      if (check.isPresent()) {
        rule = Optional.of(check.get().getTypeAsString());
      }
      if (ADDS.contains(call.getNameAsString())) {
        Optional<SourceFile> source = sourceOf(call, constants);
        if (source.isEmpty()) {
          skipped.add(id + ": a source is computed, not written out");
          return Optional.empty();
        }
        sources.add(source.get());
      }
    }
    if (sources.isEmpty()) {
      skipped.add(id + ": no source in the chain ending at line " + line(end));
      return Optional.empty();
    }
    return Optional.of(new TestCase(id, rule, List.copyOf(sources), List.copyOf(shared)));
  }

  private static Optional<SourceFile> sourceOf(
      MethodCallExpr call, Map<String, List<String>> constants) {
    List<Expression> args = call.getArguments();
    if (args.isEmpty() || !(args.get(0) instanceof StringLiteralExpr name)) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    for (Expression arg : args.subList(1, args.size())) {
      Optional<List<String>> value = lines(arg, constants);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      lines.addAll(value.get());
    }
    return Optional.of(new SourceFile(name.asString(), String.join("\n", lines) + "\n"));
  }

  /** The lines an argument stands for, if it is written out in the test class. */
  private static Optional<List<String>> lines(
      Expression arg, Map<String, List<String>> constants) {
    if (arg instanceof NameExpr name) {
      return Optional.ofNullable(constants.get(name.getNameAsString()));
    }
    if (arg instanceof ArrayCreationExpr array && array.getInitializer().isPresent()) {
      return lines(array.getInitializer().get(), constants);
    }
    if (arg instanceof ArrayInitializerExpr init) {
      List<String> out = new ArrayList<>();
      for (Expression e : init.getValues()) {
        Optional<String> s = string(e);
        if (s.isEmpty()) {
          return Optional.empty();
        }
        out.add(s.get());
      }
      return Optional.of(out);
    }
    return string(arg).map(List::of);
  }

  private static Optional<String> string(Expression e) {
    if (e instanceof TextBlockLiteralExpr block) {
      return Optional.of(block.asString());
    }
    if (e instanceof StringLiteralExpr literal) {
      return Optional.of(literal.asString());
    }
    if (e instanceof BinaryExpr plus && plus.getOperator() == BinaryExpr.Operator.PLUS) {
      Optional<String> left = string(plus.getLeft());
      Optional<String> right = string(plus.getRight());
      return left.isPresent() && right.isPresent()
          ? Optional.of(left.get() + right.get())
          : Optional.empty();
    }
    return Optional.empty();
  }

  private static Map<String, List<String>> constants(TypeDeclaration<?> type) {
    Map<String, List<String>> out = new HashMap<>();
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator v : field.getVariables()) {
        v.getInitializer()
            .flatMap(init -> lines(init, Map.of()))
            .ifPresent(value -> out.put(v.getNameAsString(), value));
      }
    }
    return out;
  }

  /** The shared slot vocabulary, as {@code Fixtures.java} puts it into its map. */
  private static List<SourceFile> fixtures(Path file) {
    CompilationUnit cu = Parsing.parse(read(file), file.toString());
    List<SourceFile> out = new ArrayList<>();
    for (MethodCallExpr put :
        cu.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("put"))) {
      Optional<SourceFile> source = sourceOf(put, Map.of());
      out.add(
          source.orElseThrow(
              () -> new IllegalStateException(file + ":" + line(put) + ": unreadable fixture")));
    }
    if (out.isEmpty()) {
      throw new IllegalStateException(file + ": no fixture sources found");
    }
    return out;
  }

  private static int line(Node node) {
    return node.getBegin().map(p -> p.line).orElse(0);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

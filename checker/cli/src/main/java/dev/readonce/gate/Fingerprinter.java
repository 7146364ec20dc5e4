package dev.readonce.gate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Computes each finding's {@link Fingerprint} from the source with JavaParser: the enclosing type
 * and member, and the normalized enclosing statement. Each file is parsed once per run.
 *
 * <p>Where JavaParser cannot parse a file that javac compiled (syntax newer than it knows), the
 * type and member are left empty and the statement is the finding's line without whitespace: a
 * weaker fingerprint that still survives line shifts, but not edits of that line.
 */
final class Fingerprinter {

  private final RepoPaths paths;
  private final JavaParser parser =
      new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17));
  private final Map<Path, Optional<CompilationUnit>> units = new HashMap<>();

  Fingerprinter(RepoPaths paths) {
    this.paths = paths;
  }

  /** The fingerprints of {@code findings}, in the same order, occurrences assigned. */
  ImmutableList<Fingerprint> fingerprint(List<Finding> findings) throws BadInputException {
    List<Fingerprint> base = new ArrayList<>();
    for (Finding finding : findings) {
      base.add(withoutOccurrence(finding));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer, String>comparing(i -> base.get(i).path())
            .thenComparingInt(i -> findings.get(i).line())
            .thenComparingInt(i -> findings.get(i).column())
            .thenComparing(i -> findings.get(i).rule()));
    Map<String, Integer> seen = new HashMap<>();
    Fingerprint[] result = new Fingerprint[findings.size()];
    for (int i : order) {
      int occurrence = seen.merge(base.get(i).context(), 1, Integer::sum) - 1;
      result[i] = base.get(i).withOccurrence(occurrence);
    }
    return ImmutableList.copyOf(result);
  }

  private Fingerprint withoutOccurrence(Finding finding) throws BadInputException {
    String path = paths.name(finding.file());
    Optional<CompilationUnit> unit = parse(finding.file());
    Position at = new Position(finding.line(), finding.column());
    Optional<Node> anchor = unit.flatMap(u -> anchor(u, at));
    if (anchor.isEmpty()) {
      return new Fingerprint(finding.rule(), path, "", "", finding.slot(), lineText(finding), 0);
    }
    Node node = anchor.get();
    return new Fingerprint(
        finding.rule(),
        path,
        typeName(unit.get(), node),
        member(node),
        finding.slot(),
        StatementText.of(node),
        0);
  }

  private Optional<CompilationUnit> parse(Path file) throws BadInputException {
    if (!units.containsKey(file)) {
      ParseResult<CompilationUnit> result;
      try {
        result = parser.parse(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
      }
      units.put(file, result.isSuccessful() ? result.getResult() : Optional.empty());
    }
    return units.get(file);
  }

  /**
   * The innermost statement around the position (not a bare block or a local class), or, for code
   * outside statements (a field initializer), the innermost variable declarator.
   */
  private static Optional<Node> anchor(CompilationUnit unit, Position at) {
    Optional<Node> statement =
        innermost(
            unit.findAll(
                Statement.class,
                s ->
                    !(s instanceof BlockStmt)
                        && !(s instanceof LocalClassDeclarationStmt)
                        && !(s instanceof LocalRecordDeclarationStmt)
                        && covers(s, at)));
    if (statement.isPresent()) {
      return statement;
    }
    return innermost(unit.findAll(VariableDeclarator.class, v -> covers(v, at)));
  }

  private static boolean covers(Node node, Position at) {
    return node.getRange().map(r -> r.contains(at)).orElse(false);
  }

  /** Of nested nodes that all cover one position, the one that begins last (ends first on ties). */
  private static Optional<Node> innermost(List<? extends Node> covering) {
    return covering.stream()
        .map(n -> (Node) n)
        .max(
            Comparator.<Node, Position>comparing(n -> range(n).begin)
                .thenComparing(n -> range(n).end, Comparator.reverseOrder()));
  }

  private static Range range(Node node) {
    return node.getRange().orElseThrow();
  }

  private static String typeName(CompilationUnit unit, Node node) {
    List<String> names = new ArrayList<>();
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> type) {
        names.add(type.getNameAsString());
      }
    }
    unit.getPackageDeclaration().ifPresent(p -> names.add(p.getNameAsString()));
    Collections.reverse(names);
    return String.join(".", names);
  }

  /** The chain of members from the nearest named type down to the node. */
  private static String member(Node node) {
    List<String> parts = new ArrayList<>();
    Node child = node;
    for (Node n = node.getParentNode().orElse(null);
        n != null && !(n instanceof TypeDeclaration<?>);
        child = n, n = n.getParentNode().orElse(null)) {
      if (n instanceof MethodDeclaration m) {
        parts.add(signature(m.getNameAsString(), m.getParameters()));
      } else if (n instanceof ConstructorDeclaration c) {
        parts.add(signature("<init>", c.getParameters()));
      } else if (n instanceof CompactConstructorDeclaration) {
        parts.add("<init>");
      } else if (n instanceof InitializerDeclaration i) {
        parts.add(i.isStatic() ? "<clinit>" : "<init>{}");
      } else if (n instanceof VariableDeclarator v
          && v.getParentNode().filter(FieldDeclaration.class::isInstance).isPresent()) {
        parts.add(v.getNameAsString());
      } else if (n instanceof EnumConstantDeclaration e) {
        parts.add(e.getNameAsString());
      } else if (n instanceof ObjectCreationExpr o && inAnonymousBody(o, child)) {
        parts.add("new " + o.getType().getNameAsString());
      }
    }
    Collections.reverse(parts);
    return String.join("/", parts);
  }

  // JavaParser's Node.equals is structural; here the very node is meant.
  @SuppressWarnings("ReferenceEquality")
  private static boolean inAnonymousBody(ObjectCreationExpr creation, Node child) {
    return child instanceof BodyDeclaration<?>
        && creation
            .getAnonymousClassBody()
            .map(body -> body.stream().anyMatch(member -> member == child))
            .orElse(false);
  }

  private static String signature(String name, NodeList<Parameter> parameters) {
    return name
        + parameters.stream()
            .map(p -> p.getType().asString().replaceAll("\\s+", "") + (p.isVarArgs() ? "..." : ""))
            .collect(Collectors.joining(",", "(", ")"));
  }

  private static String lineText(Finding finding) throws BadInputException {
    try {
      List<String> lines = Files.readAllLines(finding.file(), StandardCharsets.UTF_8);
      int index = finding.line() - 1;
      return index >= 0 && index < lines.size() ? StatementText.ofLine(lines.get(index)) : "";
    } catch (IOException e) {
      throw new BadInputException(finding.file() + ": cannot read: " + e.getMessage(), e);
    }
  }
}

package dev.readonce.gate;

import com.github.javaparser.JavaToken;
import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.Statement;
import java.util.List;

/**
 * The normalized text of a statement for fingerprints: its tokens without whitespace or comments, a
 * space only where two words would otherwise run together, and each nested statement (an {@code
 * if}'s branches, a loop's body, a lambda's body) replaced by {@code …}, so an edit inside a body
 * does not change the fingerprint of a finding in its header.
 */
final class StatementText {

  static final String NESTED = "…";

  private StatementText() {}

  // JavaParser's Node.equals is structural; here the very node is meant, throughout.
  @SuppressWarnings("ReferenceEquality")
  static String of(Node node) {
    List<Range> nested =
        node.findAll(Statement.class, s -> s != node && outermostBelow(s, node)).stream()
            .flatMap(s -> s.getRange().stream())
            .toList();
    StringBuilder text = new StringBuilder();
    boolean inNested = false;
    for (JavaToken token : node.getTokenRange().orElseThrow()) {
      if (token.getCategory().isWhitespaceOrComment()) {
        continue;
      }
      Range range = token.getRange().orElse(null);
      if (range != null && nested.stream().anyMatch(r -> r.contains(range.begin))) {
        if (!inNested) {
          text.append(NESTED);
          inNested = true;
        }
        continue;
      }
      inNested = false;
      append(text, token.getText());
    }
    return text.toString();
  }

  /** Whether no statement lies between {@code statement} and its ancestor {@code top}. */
  @SuppressWarnings("ReferenceEquality")
  private static boolean outermostBelow(Statement statement, Node top) {
    Node parent = statement.getParentNode().orElse(null);
    while (parent != null && parent != top) {
      if (parent instanceof Statement) {
        return false;
      }
      parent = parent.getParentNode().orElse(null);
    }
    return parent == top;
  }

  private static void append(StringBuilder text, String token) {
    if (text.length() > 0
        && isWordChar(text.charAt(text.length() - 1))
        && !token.isEmpty()
        && isWordChar(token.charAt(0))) {
      text.append(' ');
    }
    text.append(token);
  }

  private static boolean isWordChar(char c) {
    return Character.isJavaIdentifierPart(c);
  }

  /** The fallback for code JavaParser cannot parse: the line's characters without whitespace. */
  static String ofLine(String line) {
    return line.replaceAll("\\s+", "");
  }
}

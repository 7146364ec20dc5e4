package dev.readonce.checker.metamorphic;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.comments.BlockComment;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statement identity across rewritings: every statement and member of a case carries a marker
 * comment ({@code /*@S12*&#47;}) that JavaParser attaches to it and prints before it, so a
 * rewriting that moves, wraps or folds a statement keeps its identity, and code a rewriting adds
 * carries {@value #NOISE}.
 */
public final class Identity {

  /** The marker of code a rewriting added; a finding there is a new finding. */
  public static final String NOISE = "@N";

  private static final Pattern MARKER = Pattern.compile("@(S\\d+|N)");

  private Identity() {}

  /** Whether a node can carry an identity: a statement (not a bare block) or a member. */
  public static boolean identifiable(Node node) {
    return (node instanceof Statement && !(node instanceof BlockStmt))
        || node instanceof BodyDeclaration;
  }

  /** Marks {@code node} with the identity {@code id} (an {@code S<n>}). */
  public static void mark(Node node, String id) {
    node.setComment(new BlockComment("@" + id));
  }

  /** Marks {@code node} as added by a rewriting. */
  public static <N extends Node> N noise(N node) {
    node.setComment(new BlockComment(NOISE));
    return node;
  }

  /** Gives {@code to} the identity of {@code from} (when a rewriting replaces a statement). */
  public static void copy(Node from, Node to) {
    from.getComment().ifPresent(c -> to.setComment(new BlockComment(c.getContent())));
  }

  /** The identity a marker comment gives, if it is one. */
  public static Optional<String> of(Comment comment) {
    Matcher m = MARKER.matcher(comment.getContent().strip());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The identity of the innermost marked node at ({@code line}, {@code column}) of a printed,
   * marked unit: {@code S<n>}, {@code N} for added code, or {@code ?line} when nothing marked
   * encloses the position.
   */
  public static String at(CompilationUnit printed, int line, int column) {
    Position p = new Position(line, column);
    String best = "?" + line;
    Range bestRange = null;
    for (Comment c : printed.getAllContainedComments()) {
      Optional<String> id = of(c);
      Optional<Node> node = c.getCommentedNode();
      if (id.isEmpty() || node.isEmpty() || node.get().getRange().isEmpty()) {
        continue;
      }
      Range r = node.get().getRange().get();
      if (r.contains(p) && (bestRange == null || bestRange.contains(r))) {
        best = id.get();
        bestRange = r;
      }
    }
    return best;
  }
}

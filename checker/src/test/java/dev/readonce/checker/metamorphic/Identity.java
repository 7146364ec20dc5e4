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
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statement identity across rewritings: every statement and member of a case carries a marker,
 * a block comment holding {@code @S12}, that JavaParser attaches to it and prints before it, so a
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
   * Moves each marker of a printed unit from before its node to inside the node's own text: before
   * the final {@code ;} of a simple statement or field, after the first token of anything else
   * (after the {@code if} of an {@code if} statement). A marker inside the node survives an edit
   * that inserts code before the node (as a suggested fix that adds a snapshot local does), and
   * goes away with the node when an edit deletes it.
   */
  public static String interior(String printed, String where) {
    CompilationUnit cu = Parsing.parse(printed, where);
    int[] lineStarts = lineStarts(printed);
    List<int[]> edits = new ArrayList<>(); // {offset, length to delete, index of text to insert}
    List<String> inserts = new ArrayList<>();
    for (Comment c : cu.getAllContainedComments()) {
      Optional<String> id = of(c);
      Optional<Node> node = c.getCommentedNode();
      if (id.isEmpty() || node.isEmpty()) {
        continue;
      }
      int from = offset(lineStarts, c.getBegin().orElseThrow());
      int to = offset(lineStarts, c.getEnd().orElseThrow()) + 1;
      // A marker alone on its line goes with its line.
      int lineStart = lineStarts[c.getBegin().get().line - 1];
      if (printed.substring(lineStart, from).isBlank()
          && to < printed.length()
          && printed.charAt(to) == '\n') {
        from = lineStart;
        to++;
      }
      edits.add(new int[] {from, to - from, -1});
      inserts.add(" /*@" + id.get() + "*/ ");
      edits.add(new int[] {insideOffset(node.get(), printed, lineStarts), 0, inserts.size() - 1});
    }
    edits.sort((a, b) -> Integer.compare(b[0], a[0]));
    StringBuilder out = new StringBuilder(printed);
    for (int[] e : edits) {
      out.replace(e[0], e[0] + e[1], e[2] < 0 ? "" : inserts.get(e[2]));
    }
    return out.toString();
  }

  private static int insideOffset(Node node, String text, int[] lineStarts) {
    int begin = offset(lineStarts, node.getBegin().orElseThrow());
    int end = offset(lineStarts, node.getEnd().orElseThrow());
    boolean compound =
        node instanceof IfStmt
            || node instanceof ForStmt
            || node instanceof ForEachStmt
            || node instanceof WhileStmt
            || node instanceof DoStmt
            || node instanceof LabeledStmt
            || node instanceof SynchronizedStmt
            || node instanceof TryStmt
            || node instanceof SwitchStmt
            || node instanceof LocalClassDeclarationStmt
            || (node instanceof BodyDeclaration && !(node instanceof FieldDeclaration));
    if (!compound && text.charAt(end) == ';') {
      return end;
    }
    int i = begin;
    if (text.charAt(i) == '@') {
      i++;
    }
    while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int offset(int[] lineStarts, Position p) {
    return lineStarts[p.line - 1] + p.column - 1;
  }

  /**
   * The identity of the innermost marked node at ({@code line}, {@code column}), given the {@link
   * #owners} of a unit whose markers are {@link #interior inside} their nodes: {@code S<n>}, {@code
   * N} for added code, or {@code ?line} when nothing marked encloses the position.
   */
  public static String at(Map<Range, String> owners, int line, int column) {
    Position p = new Position(line, column);
    String best = "?" + line;
    Range bestRange = null;
    for (Map.Entry<Range, String> e : owners.entrySet()) {
      Range r = e.getKey();
      if (r.contains(p) && (bestRange == null || bestRange.contains(r))) {
        best = e.getValue();
        bestRange = r;
      }
    }
    return best;
  }

  /** Each marked node's range and identity: a marker belongs to the innermost node holding it. */
  public static Map<Range, String> owners(CompilationUnit cu) {
    List<Node> nodes = cu.findAll(Node.class, Identity::identifiable);
    Map<Range, String> out = new LinkedHashMap<>();
    for (Comment c : cu.getAllContainedComments()) {
      Optional<String> id = of(c);
      if (id.isEmpty() || c.getBegin().isEmpty()) {
        continue;
      }
      Position at = c.getBegin().get();
      Node owner = null;
      for (Node n : nodes) {
        Range r = n.getRange().orElseThrow();
        if (r.contains(at) && (owner == null || owner.getRange().orElseThrow().contains(r))) {
          owner = n;
        }
      }
      if (owner != null) {
        out.put(owner.getRange().orElseThrow(), id.get());
      }
    }
    return out;
  }
}

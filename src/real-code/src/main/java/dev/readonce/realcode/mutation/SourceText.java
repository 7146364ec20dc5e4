package dev.readonce.realcode.mutation;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A source's text addressed by JavaParser positions, and edits that keep every line number (text
 * removed is replaced by its line breaks only; text inserted goes on an existing line).
 */
final class SourceText {

  private final String text;
  private final List<Integer> lineStarts = new ArrayList<>();

  SourceText(String text) {
    this.text = text;
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
  }

  String text() {
    return text;
  }

  int offset(Position p) {
    return lineStarts.get(p.line - 1) + p.column - 1;
  }

  /** Offset of the node's first character. */
  int begin(Node n) {
    return offset(n.getBegin().orElseThrow());
  }

  /** Offset just past the node's last character. */
  int end(Node n) {
    return offset(n.getEnd().orElseThrow()) + 1;
  }

  String of(Node n) {
    return text.substring(begin(n), end(n));
  }

  /** The line breaks of text[from, to), so that removing it keeps the line count. */
  String breaksOf(int from, int to) {
    return "\n".repeat((int) text.substring(from, to).chars().filter(c -> c == '\n').count());
  }

  /** The source with the given disjoint edits applied (any order). */
  String apply(List<Edit> edits) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort((a, b) -> Integer.compare(b.from(), a.from()));
    StringBuilder b = new StringBuilder(text);
    for (Edit e : sorted) {
      b.replace(e.from(), e.to(), e.replacement());
    }
    return b.toString();
  }

  /**
   * Replaces text[from, to).
   *
   * @param from first offset
   * @param to offset past the end
   * @param replacement new text
   */
  record Edit(int from, int to, String replacement) {}
}

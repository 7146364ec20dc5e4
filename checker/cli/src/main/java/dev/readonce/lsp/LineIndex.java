package dev.readonce.lsp;

import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts between javac's character offsets and LSP positions (line and UTF-16 character, both
 * 0-based) in one version of a document's text.
 */
final class LineIndex {

  private final int[] lineStarts;
  private final int length;

  LineIndex(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
    this.length = text.length();
  }

  Position position(int offset) {
    int clamped = Math.max(0, Math.min(offset, length));
    int line = Arrays.binarySearch(lineStarts, clamped);
    if (line < 0) {
      line = -line - 2;
    }
    return new Position(line, clamped - lineStarts[line]);
  }

  Range range(int start, int end) {
    return new Range(position(start), position(Math.max(start, end)));
  }
}

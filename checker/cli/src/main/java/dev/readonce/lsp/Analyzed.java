package dev.readonce.lsp;

import com.google.common.collect.ImmutableList;
import dev.readonce.analysis.CheckFinding;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;

/**
 * The diagnostics of one version of a document, with the findings behind them (for quick fixes).
 *
 * @param version the document version analysed
 * @param lines the offsets of that version's text
 * @param entries one per diagnostic
 */
record Analyzed(int version, LineIndex lines, ImmutableList<Entry> entries) {

  /**
   * A diagnostic and, when it is a ReadOnce finding, the finding.
   *
   * @param diagnostic what the client shows
   * @param finding the finding, or empty for a compiler error
   */
  record Entry(Diagnostic diagnostic, Optional<CheckFinding> finding) {}

  ImmutableList<Diagnostic> diagnostics() {
    return entries.stream().map(Entry::diagnostic).collect(ImmutableList.toImmutableList());
  }
}

package dev.readonce.lsp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** One analysis of a document's text: {@link BufferAnalyzer} compiles it under the checks. */
interface Analysis {

  /**
   * Analyses {@code text} as the contents of {@code file}; {@code problems} hears about the rest.
   */
  Analyzed analyze(Project project, Path file, int version, String text, Consumer<String> problems)
      throws IOException;
}

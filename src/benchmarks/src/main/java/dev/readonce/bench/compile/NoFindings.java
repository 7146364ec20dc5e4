package dev.readonce.bench.compile;

import dev.readonce.bench.javac.Compilation;
import dev.readonce.bench.javac.Corpus;
import dev.readonce.bench.javac.JavacRunner;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs compilations that must report no finding of any Error Prone check (a corpus that expects
 * none): the first compilation that reports one fails the run, naming its corpus and the counts.
 */
final class NoFindings implements JavacRunner {

  private final JavacRunner javac;

  NoFindings(JavacRunner javac) {
    this.javac = javac;
  }

  @Override
  public Compilation compile(Corpus corpus, List<String> options) throws IOException {
    Compilation done = javac.compile(corpus, options);
    Map<String, Long> counts = done.countsByCheck();
    if (!counts.isEmpty()) {
      throw new IllegalStateException(
          corpus.name()
              + " should have no finding, has "
              + counts
              + " with "
              + options
              + ":\n  "
              + String.join(
                  "\n  ",
                  done.findings().stream()
                      .filter(f -> !f.check().isEmpty())
                      .limit(10)
                      .map(Object::toString)
                      .toList()));
    }
    return done;
  }
}

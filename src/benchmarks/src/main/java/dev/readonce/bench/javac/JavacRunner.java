package dev.readonce.bench.javac;

import java.io.IOException;
import java.util.List;

/** Runs one compilation of a corpus and measures it (in this JVM, or in a fresh one). */
public interface JavacRunner {

  /** Compiles {@code corpus} with {@code options}; throws if javac reports an error. */
  Compilation compile(Corpus corpus, List<String> options) throws IOException;
}

package dev.readonce.bench.compile;

import dev.readonce.bench.gen.SlotCorpusGenerator;
import dev.readonce.bench.javac.Corpora;
import dev.readonce.bench.javac.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The slot-dense corpus: the walker's sources plus generated walker-like classes. */
final class SlotDenseCorpus {

  private SlotDenseCorpus() {}

  static Corpus create(Args args, Path work) throws IOException {
    List<Path> sources = new ArrayList<>(Corpora.javaFiles(List.of(args.path("walker-sources"))));
    int classes = args.integer("generated-classes", 300);
    long seed = args.longValue("seed", 20260101L);
    sources.addAll(new SlotCorpusGenerator(seed).write(work.resolve("generated"), classes));
    return new Corpus(
        "slot-dense (walker + " + classes + " generated classes)",
        sources,
        Corpora.splitPath(args.string("walker-classpath")));
  }
}

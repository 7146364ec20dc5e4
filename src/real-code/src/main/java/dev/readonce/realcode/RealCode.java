package dev.readonce.realcode;

import java.nio.file.Path;

/**
 * Prints the findings of the six checks on every corpus class (or the classes named on the command
 * line), as the corpus test computes them.
 */
public final class RealCode {

  private RealCode() {}

  public static void main(String[] args) throws Exception {
    Layout layout = Layout.fromSystemProperties();
    Preparer preparer = new Preparer(layout);
    CheckRunner runner = new CheckRunner();
    for (CorpusClass c : Corpus.classes()) {
      if (args.length > 0 && !java.util.List.of(args).contains(c.simpleName())) {
        continue;
      }
      PreparedClass prepared = preparer.prepare(c);
      long start = System.nanoTime();
      Path root = layout.work().resolve("originals").resolve(c.simpleName());
      CheckResult result = runner.run(prepared, prepared.original(), root);
      System.out.printf(
          "== %s: %d findings, %d errors (%d ms)%n",
          c.name(),
          result.findings().size(),
          result.errors().size(),
          (System.nanoTime() - start) / 1_000_000);
      result.errors().forEach(e -> System.out.println("  error " + e));
      result.findings().forEach(f -> System.out.println("  " + f.key() + "  " + f.message()));
    }
  }
}

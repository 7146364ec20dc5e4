package dev.readonce.realcode;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProbeTest {
  @Test
  void probe() throws Exception {
    Layout layout = Layout.fromSystemProperties();
    Preparer p = new Preparer(layout);
    CheckRunner r = new CheckRunner();
    String only = System.getProperty("probe.only", "");
    for (CorpusClass c : Corpus.classes()) {
      if (!only.isEmpty() && !c.simpleName().equals(only)) continue;
      PreparedClass pc = p.prepare(c);
      long t = System.nanoTime();
      CheckResult res = r.run(pc, pc.original(), layout.work().resolve("probe").resolve(c.simpleName()));
      System.out.println("== " + c.name() + " " + (System.nanoTime() - t) / 1_000_000 + " ms");
      res.errors().forEach(e -> System.out.println("ERR " + e));
      res.findings().forEach(f -> System.out.println("F " + f.key() + " " + f.message()));
    }
  }
}

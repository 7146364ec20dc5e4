package dev.readonce.realcode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the checks on small files: {@code Probe <decls or -> <file.java>...} (engine snippets). */
public final class Probe {

  private Probe() {}

  public static void main(String[] args) throws Exception {
    List<Path> decls = args[0].equals("-") ? List.of() : List.of(Path.of(args[0]).toAbsolutePath());
    List<Path> sources = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sources.add(Path.of(args[i]).toAbsolutePath());
    }
    CheckResult r =
        new CheckRunner()
            .compile(sources, List.of(), List.of(), decls, Path.of("").toAbsolutePath());
    r.errors().forEach(e -> System.out.println("error " + e));
    r.findings().forEach(f -> System.out.println(f.key() + "  " + f.message()));
  }
}

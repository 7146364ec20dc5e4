package dev.readonce.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.checker.declarations.Javac;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An annotation naming a parameter that does not exist is reported once, not silently ignored. */
class ParameterNamesTest {

  @TempDir Path out;

  @Test
  void unknownParameterNameIsAWarningOnce() {
    Javac.Result result =
        Javac.compile(
            out,
            List.of(),
            Javac.source(
                "Handle.java",
                """
                import dev.readonce.annotations.ReadOnce;
                abstract class Handle {
                  @ReadOnce abstract long get();
                }
                """),
            Javac.source(
                "Bad.java",
                """
                import dev.readonce.annotations.Snapshot;
                interface Bad {
                  int entry(@Snapshot("pudp") long pud, Handle h);
                }
                """),
            Javac.source(
                "Impl.java",
                """
                class Impl implements Bad {
                  @Override public int entry(long pud, Handle h) { return (int) h.get(); }
                  int again(long pud, Handle h) { return entry(pud, h); }
                }
                """));
    List<String> warnings = result.messages(Diagnostic.Kind.WARNING);
    long matching =
        warnings.stream()
            .filter(w -> w.contains("@Snapshot on Bad.entry(long,Handle) names parameter 'pudp'"))
            .count();
    assertEquals(1, matching, warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("-parameters")), warnings.toString());
  }
}

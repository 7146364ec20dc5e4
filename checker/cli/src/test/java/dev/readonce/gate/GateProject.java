package dev.readonce.gate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway annotated Java project in a temporary git repository, and the gate run on it
 * in-process: the slot vocabulary of the checks' tests ({@code Ref}, {@code Upper}, {@code Pt})
 * plus whatever a test writes.
 */
final class GateProject {

  /** The slot handle, pointer tests and locks the test sources use (package {@code demo}). */
  static final String REF =
      """
      package demo;

      import dev.readonce.annotations.ReadOnce;
      import java.lang.invoke.MethodHandles;
      import java.lang.invoke.VarHandle;

      public abstract class Ref {
        static final VarHandle E = MethodHandles.arrayElementVarHandle(long[].class);
        @ReadOnce final long[] table;
        final int index;

        Ref(long[] table, int index) {
          this.table = table;
          this.index = index;
        }

        @ReadOnce
        long get() {
          return (long) E.getOpaque(table, index);
        }
      }
      """;

  static final String UPPER =
      """
      package demo;

      import dev.readonce.annotations.StableAfterPointer;

      @StableAfterPointer
      final class Upper extends Ref {
        Upper(long[] table, int index) {
          super(table, index);
        }
      }
      """;

  static final String PT =
      """
      package demo;

      import dev.readonce.annotations.PointerTest;
      import dev.readonce.annotations.PointerTest.Shows;

      final class Pt {
        @PointerTest(Shows.NONE)
        static boolean none(long v) {
          return v == 0;
        }

        @PointerTest(Shows.LEAF)
        static boolean leaf(long v) {
          return (v & 2) != 0;
        }
      }
      """;

  /** A walker that reads its slot once: no findings. */
  static final String CLEAN_WALK =
      """
      package demo;

      class Walk {
        int walk(Upper u) {
          long v = u.get();
          if (Pt.none(v)) return 0;
          if (Pt.leaf(v)) return 1;
          return 2;
        }
      }
      """;

  /** A walker that reads its slot twice (line 6): one UnlockedReread finding. */
  static final String DOUBLE_READ_WALK =
      """
      package demo;

      class Walk {
        int walk(Upper u) {
          if (Pt.none(u.get())) return 0;
          if (Pt.leaf(u.get())) return 1;
          return 2;
        }
      }
      """;

  final Path root;

  /**
   * The outcome of one gate run.
   *
   * @param exit the exit code
   * @param out what it printed on standard output
   * @param err what it printed on standard error
   */
  record Outcome(int exit, String out, String err) {

    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private GateProject(Path root) {
    this.root = root;
  }

  /** A git repository in {@code dir} holding the slot vocabulary and {@code walk} as Walk.java. */
  static GateProject create(Path dir, String walk) throws Exception {
    GateProject project = new GateProject(Files.createDirectories(dir).toRealPath());
    project.git("init", "-q");
    project.write("Ref.java", REF);
    project.write("Upper.java", UPPER);
    project.write("Pt.java", PT);
    project.write("Walk.java", walk);
    project.commit("initial");
    return project;
  }

  Path src() {
    return root.resolve("src/main/java");
  }

  /** Writes a source of package {@code demo}. */
  Path write(String fileName, String text) throws IOException {
    Path file = src().resolve("demo").resolve(fileName);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, UTF_8);
  }

  void commit(String message) throws Exception {
    git("add", "-A");
    git("commit", "-q", "-m", message);
  }

  /** Runs git in the repository with a fixed identity and none of the machine's hooks. */
  String git(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=ReadOnce Test",
                "-c",
                "user.email=test@readonce.invalid",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "core.hooksPath=/dev/null",
                "-c",
                "init.defaultBranch=main",
                "-C",
                root.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, process.exitValue(), "git " + String.join(" ", args) + ": " + output);
    return output;
  }

  /** Runs the gate with {@code --repo-root} set to the project, on {@code src/main/java}. */
  Outcome gate(String... args) {
    List<String> all = new ArrayList<>(List.of("--repo-root", root.toString()));
    all.addAll(List.of(args));
    all.add(src().toString());
    return run(all.toArray(String[]::new));
  }

  /** Runs the gate in-process with exactly {@code args}. */
  static Outcome run(String... args) {
    return run(Optional::empty, args);
  }

  static Outcome run(BundledSample.Source sample, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      exit = ReviewGate.run(o, e, sample, args);
    }
    return new Outcome(exit, out.toString(UTF_8), err.toString(UTF_8));
  }
}

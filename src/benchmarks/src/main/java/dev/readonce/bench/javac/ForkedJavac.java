package dev.readonce.bench.javac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a corpus in a fresh JVM per compilation: the JDK's {@code javac} launcher, as a
 * single-module build or a plain command line runs it, so javac, Error Prone and the checker all
 * start cold. Wall time is measured here; CPU time (user + system of the whole process, JIT and GC
 * threads included) by {@code /usr/bin/time}, since a finished process's CPU time is not visible
 * from Java.
 */
public final class ForkedJavac implements JavacRunner {

  private static final Pattern CHECK_WARNING = Pattern.compile(": warning: \\[(\\w+)\\] ");

  private final Path scratch;
  private final String processorPath;
  private final List<String> jvmOptions;

  /**
   * @param jvmOptions options for the javac launcher's JVM (Error Prone's {@code --add-exports}),
   *     given as {@code -J} options
   */
  public ForkedJavac(Path scratch, String processorPath, List<String> jvmOptions) {
    this.scratch = scratch;
    this.processorPath = processorPath;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  @Override
  public Compilation compile(Corpus corpus, List<String> options) throws IOException {
    Path out = Files.createTempDirectory(scratch, "classes");
    Path argfile = scratch.resolve("javac.args");
    Path times = scratch.resolve("time.txt");
    Path log = scratch.resolve("javac.log");
    List<String> args = InProcessJavac.arguments(corpus, options, out, processorPath);
    corpus.sources().forEach(p -> args.add(p.toString()));
    List<String> quoted = new ArrayList<>();
    for (String a : args) {
      quoted.add("\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
    Files.write(argfile, quoted, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o"));
    command.add(times.toString());
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    jvmOptions.forEach(o -> command.add("-J" + o));
    command.add("@" + argfile);
    long start = System.nanoTime();
    int exit;
    try {
      exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
          .start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      InProcessJavac.delete(out);
    }
    long wall = System.nanoTime() - start;
    String[] cpu = Files.readString(times, StandardCharsets.UTF_8).strip().split("\\s+", -1);
    long cpuNanos =
        (long) ((Double.parseDouble(cpu[cpu.length - 2]) + Double.parseDouble(cpu[cpu.length - 1]))
            * 1e9);
    List<Finding> findings = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher m = CHECK_WARNING.matcher(line);
      if (m.find()) {
        findings.add(
            new Finding(javax.tools.Diagnostic.Kind.WARNING, m.group(1), "", 0, line));
      }
    }
    Compilation result =
        new Compilation(corpus.name(), new Clock.Times(wall, cpuNanos, cpuNanos), findings);
    if (exit != 0) {
      throw new IllegalStateException(
          "javac failed (exit "
              + exit
              + ") on "
              + corpus.name()
              + ":\n"
              + String.join(
                  "\n",
                  Files.readAllLines(log, StandardCharsets.UTF_8).stream().limit(20).toList()));
    }
    return result;
  }
}

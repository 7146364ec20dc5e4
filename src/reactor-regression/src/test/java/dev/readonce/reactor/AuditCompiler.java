package dev.readonce.reactor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles real library sources in this JVM with the six ReadOnce checks in audit mode and returns
 * their findings: javac with {@code -Xplugin:ErrorProne}, the checker as the plugin path, the test
 * class path (the library's own jar and dependencies) as the class path.
 */
final class AuditCompiler {

  static final List<String> CHECKS =
      List.of(
          "UnlockedReread",
          "PlainSlotRead",
          "SnapshotNotPassed",
          "MissingRevalidation",
          "DescentWithoutPointerCheck",
          "UnlockedSlotWrite");

  /** One diagnostic of a ReadOnce check. */
  record Finding(String file, long line, String check, String message) {}

  private AuditCompiler() {}

  /** The sources jar Maven resolved (set by the pom from the dependency's path). */
  static Path sourcesJar() {
    String path = System.getProperty("reactor.sources");
    if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException(
          "system property reactor.sources does not name the reactor-core sources jar: " + path);
    }
    return Path.of(path);
  }

  /** Extracts one entry of a sources jar into {@code dir}, keeping its package path. */
  static Path extract(Path jar, String entry, Path dir) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry e = zip.getEntry(entry);
      if (e == null) {
        throw new IllegalStateException(jar + " has no entry " + entry);
      }
      Path out = dir.resolve(entry);
      Files.createDirectories(out.getParent());
      try (InputStream in = zip.getInputStream(e)) {
        Files.copy(in, out);
      }
      return out;
    }
  }

  /** Compiles the files in audit mode; fails on any compilation error (a checker crash is one). */
  static List<Finding> audit(List<Path> sources, Path classes) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String plugin =
        Path.of(
                Class.forName("dev.readonce.checker.UnlockedReread")
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .toString();
    StringBuilder ep =
        new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks -XepOpt:ReadOnce:Audit=true");
    CHECKS.forEach(c -> ep.append(" -Xep:").append(c).append(":WARN"));
    List<String> options =
        List.of(
            "-d",
            classes.toString(),
            "-classpath",
            System.getProperty("java.class.path"),
            "-processorpath",
            plugin,
            "-proc:none",
            "-encoding",
            "UTF-8",
            "-Xmaxwarns",
            "100000",
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            ep.toString());
    List<Diagnostic<? extends JavaFileObject>> diagnostics = new ArrayList<>();
    boolean ok;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics::add,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
    }
    List<String> errors = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.getLineNumber() + ": " + message);
      }
      for (String check : CHECKS) {
        if (message.startsWith("[" + check + "]")) {
          String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).toString();
          findings.add(new Finding(file, d.getLineNumber(), check, message));
        }
      }
    }
    if (!ok || !errors.isEmpty()) {
      throw new AssertionError("compilation failed: " + String.join("\n", errors));
    }
    return findings;
  }
}

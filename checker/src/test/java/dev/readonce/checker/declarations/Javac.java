package dev.readonce.checker.declarations;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Compiles sources in-process with every ReadOnce check, collecting all diagnostics, with or
 * without a position: what a build or an IDE would show.
 */
public final class Javac {

  /** The outcome of one compilation. */
  public record Result(
      boolean success, ImmutableList<Diagnostic<? extends JavaFileObject>> diagnostics) {

    /** The messages of the diagnostics of one kind, in the order javac reported them. */
    public List<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream()
          .filter(d -> d.getKind() == kind)
          .map(d -> d.getMessage(Locale.ENGLISH))
          .toList();
    }

    List<Diagnostic<? extends JavaFileObject>> of(Diagnostic.Kind kind) {
      return diagnostics.stream().filter(d -> d.getKind() == kind).toList();
    }
  }

  private Javac() {}

  /** A source file from its name and text. */
  public static JavaFileObject source(String name, String text) {
    return new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  /** Compiles into {@code out} (a test's temporary folder). */
  public static Result compile(Path out, List<String> options, JavaFileObject... sources) {
    JavaCompiler compiler =
        new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(Fixtures.ALL_CHECKS));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
      List<String> all = new ArrayList<>(List.of("-d", out.toString(), "-proc:none"));
      all.addAll(options);
      boolean success =
          compiler
              .getTask(new StringWriter(), files, diagnostics, all, null, List.of(sources))
              .call();
      return new Result(success, ImmutableList.copyOf(diagnostics.getDiagnostics()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

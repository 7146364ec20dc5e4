package dev.readonce.checker.model;

import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Log;
import dev.readonce.checker.ReadOnceConfig;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Builds the contracts of one compilation from its configuration. */
public final class ContractsFactory {

  /** Prefixes every declarations diagnostic, so a reader knows which tool and flag it concerns. */
  public static final String DIAGNOSTIC_PREFIX = "[ReadOnce:Declarations] ";

  private ContractsFactory() {}

  /**
   * The annotations, merged with the declarations files of {@code -XepOpt:ReadOnce:Declarations} if
   * any. Called once per compilation (one javac {@link Context}), so each file is read once and
   * each of its problems is reported once.
   */
  public static Contracts create(Context context, ReadOnceConfig config) {
    Contracts annotations =
        new AnnotationContracts(
            Types.instance(context), message -> print(context, Diagnostic.Kind.WARNING, message));
    if (config.declarations().isEmpty()) {
      return annotations;
    }
    Declarations declarations = Declarations.read(config.declarations());
    return new MergedContracts(
        annotations,
        DeclaredContracts.create(context, declarations, problem -> report(context, problem)));
  }

  /**
   * Reports a problem as a plain javac diagnostic (an error fails the compilation), with no source
   * position: it is about the declarations file, which javac does not know, not about the source
   * file being checked when the problem is found.
   */
  private static void report(Context context, DeclaredProblem problem) {
    print(
        context,
        problem.severity() == DeclaredProblem.Severity.ERROR
            ? Diagnostic.Kind.ERROR
            : Diagnostic.Kind.WARNING,
        DIAGNOSTIC_PREFIX + problem);
  }

  private static void print(Context context, Diagnostic.Kind kind, String message) {
    Log log = Log.instance(context);
    JavaFileObject previous = log.useSource(null);
    try {
      JavacProcessingEnvironment.instance(context).getMessager().printMessage(kind, message);
    } finally {
      log.useSource(previous);
    }
  }
}

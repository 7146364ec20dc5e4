package com.google.errorprone;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.scanner.ErrorProneScannerTransformer;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.util.Context;
import java.util.function.BiConsumer;

/**
 * Error Prone's own analyzer, with a listener that also hands every description (and so its
 * suggested fixes, which javac's diagnostics do not carry) to the caller, next to javac's usual
 * diagnostic.
 *
 * <p>It lives in Error Prone's package because the factory that takes a custom listener is
 * package-private; everything else (which trees are scanned, suppression, severities, skipping
 * units with errors) stays Error Prone's. Pinned to the Error Prone version of the build: if a
 * release changes the factory, this class stops compiling rather than failing at run time.
 */
public final class ReadOnceDescriptionTap {

  private ReadOnceDescriptionTap() {}

  /** The analyzer to add to a javac task; {@code tap} sees each description and its unit. */
  public static TaskListener analyzer(
      ScannerSupplier checks,
      ErrorProneOptions options,
      Context context,
      BiConsumer<Description, JCCompilationUnit> tap) {
    Supplier<CodeTransformer> transformer =
        Suppliers.memoize(
            () -> ErrorProneScannerTransformer.create(checks.applyOverrides(options).get()));
    DescriptionListener.Factory javac = JavacErrorDescriptionListener.provider(context);
    return ErrorProneAnalyzer.createWithCustomDescriptionListener(
        transformer,
        options,
        context,
        (log, unit) -> {
          DescriptionListener diagnostics = javac.getDescriptionListener(log, unit);
          return description -> {
            tap.accept(description, unit);
            diagnostics.onDescribed(description);
          };
        });
  }
}

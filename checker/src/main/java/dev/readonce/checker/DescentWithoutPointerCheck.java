package dev.readonce.checker;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.readonce.checker.ReadOnceCheck.AtCalls;
import dev.readonce.checker.dataflow.Rule;
import javax.inject.Inject;

/**
 * Reports {@link Rule#DESCENT_WITHOUT_POINTER_CHECK}: see {@code
 * checker/docs/DescentWithoutPointerCheck.md}.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Descending from a snapshot not shown to be a pointer, or from an unstable slot without its"
            + " lock",
    severity = SeverityLevel.ERROR,
    linkType = LinkType.CUSTOM,
    link = Docs.BASE + "DescentWithoutPointerCheck.md")
public final class DescentWithoutPointerCheck extends ReadOnceCheck implements AtCalls {

  /** For the service loader, which instantiates plugins before Error Prone configures them. */
  public DescentWithoutPointerCheck() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public DescentWithoutPointerCheck(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  Rule rule() {
    return Rule.DESCENT_WITHOUT_POINTER_CHECK;
  }
}

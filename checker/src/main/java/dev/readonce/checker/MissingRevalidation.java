package dev.readonce.checker;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.readonce.checker.ReadOnceCheck.AtAccesses;
import dev.readonce.checker.ReadOnceCheck.AtCalls;
import dev.readonce.checker.ReadOnceCheck.AtMethods;
import dev.readonce.checker.ReadOnceCheck.AtNames;
import dev.readonce.checker.ReadOnceCheck.AtStores;
import dev.readonce.checker.dataflow.Rule;
import javax.inject.Inject;

/** Reports {@link Rule#MISSING_REVALIDATION}: see {@code checker/docs/MissingRevalidation.md}. */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Acting under a slot's lock on what an unlocked snapshot showed, without re-validating it",
    severity = SeverityLevel.ERROR,
    linkType = LinkType.CUSTOM,
    link = Docs.BASE + "MissingRevalidation.md")
public final class MissingRevalidation extends ReadOnceCheck
    implements AtNames, AtAccesses, AtMethods, AtCalls, AtStores {

  /** For the service loader, which instantiates plugins before Error Prone configures them. */
  public MissingRevalidation() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public MissingRevalidation(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  Rule rule() {
    return Rule.MISSING_REVALIDATION;
  }
}

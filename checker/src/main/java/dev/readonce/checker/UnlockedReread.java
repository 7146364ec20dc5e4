package dev.readonce.checker;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.readonce.checker.ReadOnceCheck.AtAccesses;
import dev.readonce.checker.ReadOnceCheck.AtCalls;
import dev.readonce.checker.ReadOnceCheck.AtNames;
import dev.readonce.checker.dataflow.Rule;
import javax.inject.Inject;

/** Reports {@link Rule#UNLOCKED_REREAD}: see {@code checker/docs/UnlockedReread.md}. */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A second unlocked read of a slot in one pass, while an earlier snapshot of it may still"
            + " decide",
    severity = SeverityLevel.ERROR,
    linkType = LinkType.CUSTOM,
    link = Docs.BASE + "UnlockedReread.md")
public final class UnlockedReread extends ReadOnceCheck implements AtCalls, AtNames, AtAccesses {

  /** For the service loader, which instantiates plugins before Error Prone configures them. */
  public UnlockedReread() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public UnlockedReread(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  Rule rule() {
    return Rule.UNLOCKED_REREAD;
  }
}

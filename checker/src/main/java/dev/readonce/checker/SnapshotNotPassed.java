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

/** Reports {@link Rule#SNAPSHOT_NOT_PASSED}: see {@code checker/docs/SnapshotNotPassed.md}. */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A callee is handed a slot handle and reads the slot again, while the caller holds its"
            + " snapshot",
    severity = SeverityLevel.ERROR,
    linkType = LinkType.CUSTOM,
    link = Docs.BASE + "SnapshotNotPassed.md")
public final class SnapshotNotPassed extends ReadOnceCheck implements AtCalls {

  /** For the service loader, which instantiates plugins before Error Prone configures them. */
  public SnapshotNotPassed() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public SnapshotNotPassed(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  Rule rule() {
    return Rule.SNAPSHOT_NOT_PASSED;
  }
}

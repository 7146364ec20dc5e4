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

/** Reports {@link Rule#PLAIN_SLOT_READ}: see {@code checker/docs/PlainSlotRead.md}. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "An unlocked read of a slot that is not atomic",
    severity = SeverityLevel.ERROR,
    linkType = LinkType.CUSTOM,
    link = Docs.BASE + "PlainSlotRead.md")
public final class PlainSlotRead extends ReadOnceCheck implements AtCalls, AtNames, AtAccesses {

  /** For the service loader, which instantiates plugins before Error Prone configures them. */
  public PlainSlotRead() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public PlainSlotRead(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  Rule rule() {
    return Rule.PLAIN_SLOT_READ;
  }
}

package dev.readonce.checker;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.readonce.checker.ReadOnceCheck.AtCalls;
import dev.readonce.checker.ReadOnceCheck.AtMethods;
import dev.readonce.checker.ReadOnceCheck.AtStores;
import dev.readonce.checker.dataflow.Rule;
import javax.inject.Inject;

/** Reports {@link Rule#UNLOCKED_SLOT_WRITE}: see {@code checker/docs/UnlockedSlotWrite.md}. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A store into a slot without holding its lock",
    severity = SeverityLevel.ERROR,
    linkType = LinkType.CUSTOM,
    link = Docs.BASE + "UnlockedSlotWrite.md")
public final class UnlockedSlotWrite extends ReadOnceCheck
    implements AtCalls, AtStores, AtMethods {

  /** For the service loader, which instantiates plugins before Error Prone configures them. */
  public UnlockedSlotWrite() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public UnlockedSlotWrite(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  Rule rule() {
    return Rule.UNLOCKED_SLOT_WRITE;
  }
}

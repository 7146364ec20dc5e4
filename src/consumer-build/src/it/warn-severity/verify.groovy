import dev.readonce.consumer.BuildLog
import dev.readonce.consumer.Cell

// The JDK and Error Prone release of this invoker execution (the pom's scriptVariables).
Cell.check(basedir, expectedJavaFeature, expectedErrorProne)

// `mvn compile -Derrorprone.flags=-Xep:UnlockedReread:WARN`: the same finding, now a warning at
// the same place, and the build passes.
def run = BuildLog.read(basedir).onlyRun()
assert run.succeeded()
assert run.summaries() == ['WARNING Lookup.java:[22,36] [UnlockedReread]']
assert run.diagnostics()[0].message().startsWith("slot 'entry' read again")

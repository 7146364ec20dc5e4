import dev.readonce.consumer.BuildLog

// `mvn compile -Derrorprone.flags=-Xep:UnlockedReread:WARN`: the same finding, now a warning at
// the same place, and the build passes.
def run = BuildLog.read(basedir).onlyRun()
assert run.succeeded()
assert run.summaries() == ['WARNING Lookup.java:[22,36] [UnlockedReread]']
assert run.diagnostics()[0].message().startsWith("slot 'entry' read again")

import dev.readonce.consumer.BuildLog
import dev.readonce.consumer.Cell

// The JDK and Error Prone release of this invoker execution (the pom's scriptVariables).
Cell.check(basedir, expectedJavaFeature, expectedErrorProne)

// `mvn compile` with the README's setup. ReadOnce's checks are at ERROR, so the build fails, and
// Maven shows each finding as File.java:[line,column] [CheckName] message.
def run = BuildLog.read(basedir).onlyRun()
assert run.failed()
// Each check reports its findings once per file (one matcher per compilation unit), so the
// order is by check, then by position: compared as sets.
assert run.summaries().toSorted() == [
    // Line 22, `return Entries.isLeaf(entry.get()) ? 1 : 2;`. Column 36 is the '(' of the second
    // entry.get(): javac places a diagnostic about a call there (IDEs underline the whole call).
    'ERROR Lookup.java:[22,36] [UnlockedReread]',
    // Line 27, `return entry.plainGet();`: the '(' of the call.
    'ERROR Lookup.java:[27,26] [PlainSlotRead]',
]

def reread = run.diagnostics().find { it.check() == 'UnlockedReread' }
def plain = run.diagnostics().find { it.check() == 'PlainSlotRead' }
assert reread.file().toFile().canonicalFile ==
    new File(basedir, 'src/main/java/com/example/pages/Lookup.java').canonicalFile
assert reread.message().startsWith("slot 'entry' read again after the read on line 19 ")
assert plain.message().startsWith("plain read of slot 'entry' without its lock")
// Each finding links its check's page and offers the fix that patch mode applies.
assert reread.message() =~ /\(see \S*UnlockedReread\S*\)/
assert plain.message() =~ /\(see \S*PlainSlotRead\S*\)/
assert reread.message().contains("Did you mean 'long entryval = entry.get();'?")
assert plain.message().contains("Did you mean 'return entry.get();'?")

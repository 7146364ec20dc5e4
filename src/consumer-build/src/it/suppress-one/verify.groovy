import dev.readonce.consumer.BuildLog
import dev.readonce.consumer.Cell

// The JDK and Error Prone release of this invoker execution (the pom's scriptVariables).
Cell.check(basedir, expectedJavaFeature, expectedErrorProne)

// `mvn compile`: @SuppressWarnings("UnlockedReread") on sample() silences its second read (line
// 22); the same suppression on sampleRaw() does not hide its plain read, and the unsuppressed
// reread in classifyRacy() still fails the build.
def run = BuildLog.read(basedir).onlyRun()
assert run.failed()
// Compared as sets: each check reports its findings once per file.
assert run.summaries().toSorted() == [
    'ERROR Lookup.java:[13,36] [UnlockedReread]',
    'ERROR Lookup.java:[28,26] [PlainSlotRead]',
]

import dev.readonce.consumer.BuildLog
import dev.readonce.consumer.Cell

// The JDK and Error Prone release of this invoker execution (the pom's scriptVariables).
Cell.check(basedir, expectedJavaFeature, expectedErrorProne)

def runs = BuildLog.read(basedir).runs()
assert runs.size() == 5
def (error, warn, again, patch, rebuild) = runs

// 1. The checks at ERROR fail the build.
assert error.failed()
assert error.summaries() == ['ERROR Lookup.java:[22,36] [UnlockedReread]']

// 2. One-off flags: the same finding as a warning, every file compiled (in a directory of their
// own, target/errorprone-flags, so that target/classes stays as the normal build left it).
assert warn.succeeded()
assert warn.compiledFiles() == 3
assert warn.summaries() == ['WARNING Lookup.java:[22,36] [UnlockedReread]']
assert warn.text().contains('target/errorprone-flags/classes')

// 3. Back to the normal build: it compiles again and fails again, instead of "Nothing to compile".
assert !again.text().contains('Nothing to compile')
assert again.compiledFiles() == 3
assert again.failed()
assert again.summaries() == ['ERROR Lookup.java:[22,36] [UnlockedReread]']

// 4. Patch mode with no source changed since run 2 (whose classes are up to date): the run
// compiles from scratch, so the patch is applied.
assert patch.succeeded()
assert patch.compiledFiles() == 3
assert patch.text().contains('Refactoring changes were successfully applied')
def lookup = new File(basedir, 'src/main/java/com/example/pages/Lookup.java').text
assert lookup.contains('long entryval = entry.get();')

// 5. The normal build compiles the patched sources and finds nothing.
assert rebuild.succeeded()
assert rebuild.compiledFiles() == 3
assert rebuild.diagnostics().isEmpty()

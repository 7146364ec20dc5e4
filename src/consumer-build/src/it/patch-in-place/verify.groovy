import dev.readonce.consumer.BuildLog
import dev.readonce.consumer.Cell

// The JDK and Error Prone release of this invoker execution (the pom's scriptVariables).
Cell.check(basedir, expectedJavaFeature, expectedErrorProne)

def (patch, rebuild) = BuildLog.read(basedir).runs()

// 1. Patch mode rewrote Lookup.java and the build passed. Error Prone reports each finding it
// fixed as a warning; their positions are not asserted, because Error Prone resolves them
// against the rewritten file (its own behaviour, not ReadOnce's).
assert patch.succeeded()
assert patch.text().contains('Refactoring changes were successfully applied')
// Compared as sets: each check reports its findings once per file.
assert patch.diagnostics()*.check().toSorted() == ['PlainSlotRead', 'UnlockedReread']

def patched = new File(basedir, 'src/main/java/com/example/pages/Lookup.java').readLines()
def expected = new File(basedir, 'expected/Lookup.java').readLines()

// The snapshot local keeps the layout: the patched file equals the expected one, line by line.

def firstDifference = (0..<Math.max(patched.size(), expected.size())).find { patched[it] != expected[it] }
assert firstDifference == null :
    "patched Lookup.java differs from expected/Lookup.java at line ${firstDifference + 1}:\n" +
    "  patched:  ${patched[firstDifference]}\n  expected: ${expected[firstDifference]}"

// 2. A normal build of the patched project compiled every file and found nothing.
assert rebuild.succeeded()
assert rebuild.compiledFiles() == 3
assert rebuild.diagnostics().isEmpty()

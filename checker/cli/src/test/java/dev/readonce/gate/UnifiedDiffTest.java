package dev.readonce.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading added and modified lines out of {@code git diff --unified=0}. */
class UnifiedDiffTest {

  private static final Path ROOT = Path.of("/repo");

  @Test
  void hunksGiveTheNewSideLines() {
    String diff =
        """
        diff --git a/src/A.java b/src/A.java
        index 1111111..2222222 100644
        --- a/src/A.java
        +++ b/src/A.java
        @@ -3 +3 @@ class A {
        -  int x;
        +  int y;
        @@ -10,0 +11,2 @@ class A {
        +  void f() {}
        +  void g() {}
        @@ -20,3 +22,0 @@ class A {
        -  gone
        -  gone
        -  gone
        diff --git a/src/Old.java b/src/Old.java
        deleted file mode 100644
        --- a/src/Old.java
        +++ /dev/null
        @@ -1,2 +0,0 @@
        -class Old {
        -}
        """;
    Map<Path, ImmutableRangeSet<Integer>> lines = UnifiedDiff.parse(diff, ROOT);
    assertEquals(
        Map.of(
            ROOT.resolve("src/A.java"),
            ImmutableRangeSet.<Integer>builder()
                .add(Range.closedOpen(3, 4))
                .add(Range.closedOpen(11, 13))
                .build()),
        lines);
  }

  @Test
  void renamedAndQuotedNames() {
    String diff =
        """
        diff --git a/a/Old.java b/b/New.java
        similarity index 90%
        rename from a/Old.java
        rename to b/New.java
        --- a/a/Old.java
        +++ b/b/New.java
        @@ -5 +5 @@
        -x
        +y
        --- "a/sp\\303\\244ce \\"q\\".java"
        +++ "b/sp\\303\\244ce \\"q\\".java"
        @@ -1 +1,3 @@
        """;
    Map<Path, ImmutableRangeSet<Integer>> lines = UnifiedDiff.parse(diff, ROOT);
    assertTrue(lines.get(ROOT.resolve("b/New.java")).contains(5));
    assertTrue(lines.get(ROOT.resolve("späce \"q\".java")).encloses(Range.closed(1, 3)));
  }

  @Test
  void changedLinesAndWholeNewFiles() {
    Path a = ROOT.resolve("A.java");
    Path b = ROOT.resolve("B.java");
    ChangedLines changed =
        ChangedLines.of(Map.of(a, ImmutableRangeSet.of(ChangedLines.hunk(4, 2))), Set.of(b));
    assertFalse(changed.contains(a, 3));
    assertTrue(changed.contains(a, 4));
    assertTrue(changed.contains(a, 5));
    assertFalse(changed.contains(a, 6));
    assertTrue(changed.contains(b, 1000));
    assertFalse(changed.contains(ROOT.resolve("C.java"), 1));
  }
}

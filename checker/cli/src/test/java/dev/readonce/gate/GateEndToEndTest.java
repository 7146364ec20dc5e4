package dev.readonce.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.gate.GateProject.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate on a real project in a throwaway git repository: a clean project passes, a change that
 * introduces a double read fails with {@code --since}, and a baseline keeps accepting a finding
 * after lines move above it while a new finding still fails.
 */
class GateEndToEndTest {

  @TempDir Path dir;

  @Test
  void cleanProjectExitsZero() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.CLEAN_WALK);

    Outcome outcome = project.gate();

    assertEquals(ExitCode.CLEAN, outcome.exit(), outcome.err());
    assertEquals("", outcome.out());
    assertEquals("readonce: checked 4 files: no findings\n", outcome.err());
  }

  @Test
  void doubleReadFailsWithoutFilters() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.DOUBLE_READ_WALK);

    Outcome outcome = project.gate();

    assertEquals(ExitCode.FINDINGS, outcome.exit(), outcome.err());
    assertEquals(
        "src/main/java/demo/Walk.java:6:22: [UnlockedReread] slot 'u' read again after the read"
            + " on line 5 decided this pass; read it once into a local and decide everything on"
            + " that\n",
        outcome.out());
  }

  @Test
  void everyFindingIsReportedPastJavacsDefaultLimitOfOneHundred() throws Exception {
    StringBuilder walk = new StringBuilder("package demo;\n\nclass Walk {\n");
    for (int i = 0; i < 150; i++) {
      walk.append("  int walk").append(i).append("(Upper u) {\n")
          .append("    if (Pt.none(u.get())) return 0;\n")
          .append("    return Pt.leaf(u.get()) ? 1 : 2;\n")
          .append("  }\n");
    }
    GateProject project = GateProject.create(dir, walk.append("}\n").toString());

    Outcome outcome = project.gate();

    assertEquals(ExitCode.FINDINGS, outcome.exit(), outcome.err());
    assertEquals(150, outcome.out().lines().filter(l -> l.contains("[UnlockedReread]")).count());
  }

  @Test
  void misspelledLockNameFailsTheGate() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.CLEAN_WALK);
    project.write(
        "Box.java",
        """
        package demo;

        import dev.readonce.annotations.ReadOnce;

        class Box {
          final Object lock = new Object();
          @ReadOnce(lock = "lcok") long value;
          @ReadOnce(lock = "lock") long other;
        }
        """);

    Outcome outcome = project.gate();

    assertEquals(ExitCode.FINDINGS, outcome.exit(), outcome.err());
    List<String> lines = outcome.out().lines().toList();
    assertEquals(1, lines.size(), outcome.out());
    assertTrue(
        lines.get(0).startsWith("src/main/java/demo/Box.java:7:3: [UnknownContractName] "),
        lines.get(0));
    assertTrue(lines.get(0).contains("'lcok'"), lines.get(0));
  }

  @Test
  void newDoubleReadFailsTheChange() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.CLEAN_WALK);
    project.write("Walk.java", GateProject.DOUBLE_READ_WALK);
    project.commit("read the slot twice");

    Outcome outcome = project.gate("--since", "HEAD~1");

    assertEquals(ExitCode.FINDINGS, outcome.exit(), outcome.err());
    assertTrue(
        outcome.out().startsWith("src/main/java/demo/Walk.java:6:22: [UnlockedReread] slot 'u'"),
        outcome.out());
    assertEquals("readonce: checked 4 files: 1 finding fails the gate\n", outcome.err());
  }

  @Test
  void findingOutsideTheChangeIsReportedButDoesNotFail() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.DOUBLE_READ_WALK);
    project.write(
        "Walk.java",
        GateProject.DOUBLE_READ_WALK.replace("return 2;", "return 3; // an unrelated change"));
    project.commit("unrelated edit");

    Outcome outcome = project.gate("--since", "HEAD~1");

    assertEquals(ExitCode.CLEAN, outcome.exit(), outcome.err());
    assertTrue(
        outcome.out().startsWith("src/main/java/demo/Walk.java:6:22: note: [UnlockedReread]"),
        outcome.out());
    assertTrue(outcome.out().endsWith("(not on a line this change adds or modifies)\n"));
    assertEquals(
        "readonce: checked 4 files: no findings fail the gate (1 not on lines the change adds or"
            + " modifies)\n",
        outcome.err());
  }

  @Test
  void uncommittedAndUntrackedCodeCountsAsChanged() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.CLEAN_WALK);
    project.write("Walk.java", GateProject.DOUBLE_READ_WALK);
    project.write("Other.java", GateProject.DOUBLE_READ_WALK.replace("class Walk", "class Other"));

    Outcome outcome = project.gate("--since", "HEAD");

    assertEquals(ExitCode.FINDINGS, outcome.exit(), outcome.err());
    assertEquals(2, outcome.out().lines().filter(l -> l.contains(" [UnlockedReread] ")).count());
  }

  @Test
  void sinceUsesTheMergeBaseOfABranch() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.DOUBLE_READ_WALK);
    project.git("checkout", "-q", "-b", "feature");
    project.write("Extra.java", "package demo;\nclass Extra {}\n");
    project.commit("feature work");
    project.git("checkout", "-q", "main");
    project.write("Main.java", "package demo;\nclass Main {}\n");
    project.commit("main moves on");
    project.git("checkout", "-q", "feature");

    Outcome outcome = project.gate("--since", "main");

    // Relative to the merge base, only Extra.java changed: the old double read does not fail.
    assertEquals(ExitCode.CLEAN, outcome.exit(), outcome.err());
  }

  @Test
  void declarationsEntryForAClassNotOnTheClassPathIsShownAsAWarning() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.CLEAN_WALK);
    // A typo in the class name: the entry cannot apply, and the user must hear of it.
    Path decls =
        Files.writeString(
            dir.resolve("typo.decls"), "slot demo.Wlak#table lock=\nslot demo.Ref#table lock=\n");

    Outcome outcome = project.gate("--declarations", decls.toString());

    assertEquals(ExitCode.CLEAN, outcome.exit(), outcome.err());
    assertEquals(
        List.of(
            "readonce: warning: [ReadOnce:Declarations] "
                + decls
                + ":1: class 'demo.Wlak' is not on the classpath; the entry for demo.Wlak#table"
                + " is ignored",
            "readonce: checked 4 files: no findings"),
        outcome.errLines());
  }

  @Test
  void correctDeclarationsGiveNoWarning() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.CLEAN_WALK);
    Path decls = Files.writeString(dir.resolve("ok.decls"), "slot demo.Ref#table lock=\n");

    Outcome outcome = project.gate("--declarations", decls.toString());

    assertEquals(ExitCode.CLEAN, outcome.exit(), outcome.err());
    assertEquals(List.of("readonce: checked 4 files: no findings"), outcome.errLines());
  }

  @Test
  void baselineSurvivesLinesMovedAboveItAndNewDoubleReadFails() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.DOUBLE_READ_WALK);
    Path baseline = dir.resolve("readonce-baseline.json");

    Outcome written = project.gate("--write-baseline", baseline.toString());
    assertEquals(ExitCode.CLEAN, written.exit(), written.err());
    assertTrue(Files.exists(baseline));
    // One line, and no "1 finding fails the gate" before it: the run accepts the finding.
    assertEquals(
        "readonce: checked 4 files: wrote baseline " + baseline + " accepting 1 finding\n",
        written.err());

    // Move the finding down: new lines and a comment above it, reformatted whitespace, and an
    // unrelated edit below.
    project.write(
        "Walk.java",
        """
        package demo;

        /** Walks the table. */
        class Walk {
          static final int UNUSED = 1;

          int helper() {
            return 7;
          }

          int walk(Upper u) {
            if (Pt.none(u.get())) return 0;
            if   (Pt.leaf( u.get() /* still twice */ ))   return 1;
            return 2 + helper();
          }
        }
        """);
    project.commit("move the walk");

    Outcome accepted = project.gate("--baseline", baseline.toString());
    assertEquals(ExitCode.CLEAN, accepted.exit(), accepted.err());
    assertTrue(accepted.out().startsWith("src/main/java/demo/Walk.java:13:"), accepted.out());
    assertTrue(accepted.out().endsWith("(accepted in the baseline)\n"), accepted.out());

    // A second method with its own double read is new.
    project.write(
        "Walk.java",
        Files.readString(project.src().resolve("demo/Walk.java"))
            .replace(
                "  int helper() {",
                """
                int again(Upper u) {
                  return Pt.none(u.get()) || Pt.leaf(u.get()) ? 1 : 0;
                }

                int helper() {\
                """));
    Outcome failing = project.gate("--baseline", baseline.toString());
    assertEquals(ExitCode.FINDINGS, failing.exit(), failing.err());
    assertEquals(
        "readonce: checked 4 files: 1 finding fails the gate (1 accepted in the baseline)\n",
        failing.err());
    assertTrue(
        failing.out().contains("Walk.java:8:") && failing.out().contains("[UnlockedReread]"),
        failing.out());
  }

  @Test
  void sinceAndBaselineCombine() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.DOUBLE_READ_WALK);
    Path baseline = dir.resolve("baseline.json");
    assertEquals(ExitCode.CLEAN, project.gate("--write-baseline", baseline.toString()).exit());
    project.write(
        "Walk.java",
        GateProject.DOUBLE_READ_WALK.replace("    return 2;", "    // more\n    return 2;"));
    project.commit("touch");

    Outcome outcome = project.gate("--since", "HEAD~1", "--baseline", baseline.toString());

    assertEquals(ExitCode.CLEAN, outcome.exit(), outcome.err());
    assertTrue(outcome.out().endsWith("(accepted in the baseline)\n"), outcome.out());
  }

  @Test
  void moduleDescriptorsAreLeftOut() throws Exception {
    GateProject project = GateProject.create(dir, GateProject.CLEAN_WALK);
    Files.writeString(
        project.src().resolve("module-info.java"), "module demo { requires java.base; }\n");

    Outcome outcome = project.gate();

    assertEquals(ExitCode.CLEAN, outcome.exit(), outcome.err());
  }
}

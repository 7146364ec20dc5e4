package dev.readonce.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.readonce.gate.GateProject.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input exits 2 with one line on standard error that names the file or ref and
 * what is wrong — no stack trace, nothing on standard output — and leaves no output file behind.
 */
class BadInputTest {

  @TempDir Path dir;

  private GateProject project;
  private Path out;

  @BeforeEach
  void setUp() throws Exception {
    project = GateProject.create(dir.resolve("repo"), GateProject.DOUBLE_READ_WALK);
    out = Files.createDirectories(dir.resolve("out"));
  }

  /** The gate with a report and a baseline to write, so a leftover would show. */
  private Outcome gate(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--format",
                "text,sarif",
                "--output",
                "sarif=" + out.resolve("readonce.sarif"),
                "--write-baseline",
                out.resolve("baseline.json").toString()));
    all.addAll(List.of(args));
    return project.gate(all.toArray(String[]::new));
  }

  private void assertBadInput(Outcome outcome, String line) throws Exception {
    assertEquals(ExitCode.BAD_INPUT, outcome.exit(), outcome.err());
    assertEquals(List.of(line), outcome.errLines());
    assertEquals("", outcome.out());
    try (Stream<Path> left = Files.list(out)) {
      assertEquals(List.of(), left.toList(), "files left in the output directory");
    }
  }

  private void assertBadInputStartingWith(Outcome outcome, String prefix) throws Exception {
    assertEquals(1, outcome.errLines().size(), outcome.err());
    assertTrue(outcome.err().startsWith(prefix), outcome.err());
    assertBadInput(outcome, outcome.errLines().get(0));
  }

  @Test
  void missingSourcePath() throws Exception {
    Path missing = project.root.resolve("src/main/jaav");
    assertBadInput(
        GateProject.run(
            "--output",
            out.resolve("r.txt").toString(),
            "--repo-root",
            project.root.toString(),
            missing.toString()),
        "readonce: " + missing + ": no such file or directory");
  }

  @Test
  void pathThatIsNotJava() throws Exception {
    Path text = Files.writeString(project.root.resolve("notes.txt"), "hello");
    assertBadInput(
        GateProject.run("--output", out.resolve("r.txt").toString(), text.toString()),
        "readonce: " + text + ": not a Java source file (expected *.java or a directory)");
  }

  @Test
  void sourcesThatDoNotCompileAreCompilerErrorsNotFindings() throws Exception {
    project.write(
        "Broken.java",
        """
        package demo;
        class Broken {
          Missing field;
          int n() { return "no"; }
        }
        """);
    assertBadInput(
        gate(),
        "readonce: src/main/java/demo/Broken.java:3:3: does not compile: cannot find symbol"
            + " (symbol: class Missing) (and 1 more compiler error)");
  }

  @Test
  void missingBaseline() throws Exception {
    Path baseline = dir.resolve("nowhere.json");
    assertBadInput(
        gate("--baseline", baseline.toString()),
        "readonce: cannot read baseline " + baseline + ": no such file");
  }

  @Test
  void baselineThatIsNotJson() throws Exception {
    Path baseline = Files.writeString(dir.resolve("b.json"), "{\"version\": 1, \"findings\": [");
    assertBadInputStartingWith(
        gate("--baseline", baseline.toString()),
        "readonce: baseline " + baseline + " is malformed: not JSON: ");
  }

  @Test
  void baselineOfAnotherVersion() throws Exception {
    Path baseline = Files.writeString(dir.resolve("b.json"), "{\"version\": 7, \"findings\": []}");
    assertBadInput(
        gate("--baseline", baseline.toString()),
        "readonce: baseline "
            + baseline
            + " is malformed: version 7 is not supported (expected 1)");
  }

  @Test
  void baselineEntryWithoutFingerprint() throws Exception {
    Path baseline =
        Files.writeString(
            dir.resolve("b.json"),
            "{\"version\": 1, \"findings\": [{\"rule\": \"UnlockedReread\"}]}");
    assertBadInput(
        gate("--baseline", baseline.toString()),
        "readonce: baseline "
            + baseline
            + " is malformed: findings[0] has no \"fingerprint\" of 32 hex digits");
  }

  @Test
  void baselineThatIsADirectory() throws Exception {
    Path baseline = Files.createDirectories(dir.resolve("b.json"));
    assertBadInput(
        gate("--baseline", baseline.toString()),
        "readonce: cannot read baseline " + baseline + ": it is a directory");
  }

  @Test
  void baselineThatIsBinary() throws Exception {
    Path baseline = Files.write(dir.resolve("b.json"), new byte[] {'{', (byte) 0xff, 0, 1});
    assertBadInput(
        gate("--baseline", baseline.toString()),
        "readonce: baseline "
            + baseline
            + " is not UTF-8 text: byte 0xff at offset 1 (is it a binary file?)");
  }

  @Test
  void baselineCutOffSaysSoWithoutALibrarysLink() throws Exception {
    Path baseline =
        Files.writeString(
            dir.resolve("b.json"), "{\"version\": 1, \"findings\": [{\"fingerprint\": \"81");
    assertBadInput(
        gate("--baseline", baseline.toString()),
        "readonce: baseline "
            + baseline
            + " is malformed: not JSON: Unterminated string at line 1 column 48 path"
            + " $.findings[0].fingerprint (the file ends early: was it cut off?)");
  }

  @Test
  void baselineThatIsEmpty() throws Exception {
    Path baseline = Files.writeString(dir.resolve("b.json"), "");
    assertBadInput(
        gate("--baseline", baseline.toString()),
        "readonce: baseline " + baseline + " is malformed: the file is empty");
  }

  @Test
  void unknownGitRef() throws Exception {
    assertBadInput(
        gate("--since", "no-such-branch"),
        "readonce: unknown git ref 'no-such-branch' in " + project.root);
  }

  @Test
  void refThatLooksLikeAnOption() throws Exception {
    assertBadInput(gate("--since=-q"), "readonce: unknown git ref '-q' in " + project.root);
  }

  @Test
  void sinceOutsideAGitWorkTree() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    assertBadInput(
        GateProject.run(
            "--repo-root",
            plain.toString(),
            "--since",
            "HEAD",
            "--output",
            out.resolve("r.txt").toString(),
            project.src().toString()),
        "readonce: --since HEAD: " + plain.toRealPath() + " is not in a git work tree");
  }

  @Test
  void outputInAMissingDirectory() throws Exception {
    Path target = out.resolve("missing/readonce.sarif");
    assertBadInput(
        project.gate("--output", "sarif=" + target),
        "readonce: cannot write "
            + target
            + ": directory "
            + target.getParent()
            + " does not exist");
  }

  @Test
  void outputThatIsADirectory() throws Exception {
    Path target = Files.createDirectories(dir.resolve("a-directory"));
    assertBadInput(
        gate("--output", "json=" + target),
        "readonce: cannot write " + target + ": it is a directory");
  }

  @Test
  void outputUnderARegularFile() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "a file\n");
    Path target = file.resolve("sub/readonce.json");
    assertBadInput(
        gate("--output", "json=" + target),
        "readonce: cannot write " + target + ": " + file + " is a file, not a directory");
  }

  @Test
  void outputWhereTheFileSystemAllowsNoFiles() throws Exception {
    Path proc = Path.of("/proc");
    assumeTrue(Files.isDirectory(proc.resolve("self")), "needs Linux's /proc");
    Path target = proc.resolve("x.json");
    assertBadInput(
        gate("--output", "json=" + target),
        "readonce: cannot write "
            + target
            + ": cannot create files in /proc: the file system there does not allow new files");
  }

  @Test
  void mistypedFormatBeforeAnOutputFile() throws Exception {
    Path target = out.resolve("r.sarif");
    assertBadInput(
        project.gate("-o", "sarf=" + target),
        "readonce: --output sarf="
            + target
            + ": unknown format 'sarf' (expected one of text, sarif, github, json, checkstyle);"
            + " to write a file with '=' in its name, start the path with ./");
  }

  @Test
  void outputFileWithAnEqualsSignInItsPath() throws Exception {
    Path target = out.resolve("a=b.txt");
    // The part before '=' is a path, not a format name: a file, as before.
    Outcome outcome = project.gate("-o", target.toString());
    assertEquals(ExitCode.FINDINGS, outcome.exit(), outcome.err());
    assertTrue(Files.readString(target).contains("[UnlockedReread]"));
  }

  @Test
  void baselineToWriteInAMissingDirectory() throws Exception {
    Path target = out.resolve("missing/baseline.json");
    assertBadInput(
        project.gate("--write-baseline", target.toString()),
        "readonce: cannot write "
            + target
            + ": directory "
            + target.getParent()
            + " does not exist");
  }

  @Test
  void missingDeclarationsFile() throws Exception {
    Path decls = dir.resolve("jdk.decls");
    assertBadInput(
        gate("--declarations", decls.toString()),
        "readonce: declarations file " + decls + ": no such file");
  }

  @Test
  void declarationsPathThatIsADirectory() throws Exception {
    Path decls = Files.createDirectories(dir.resolve("decls"));
    assertBadInput(
        gate("--declarations", decls.toString()),
        "readonce: declarations file " + decls + ": it is a directory, not a file");
  }

  @Test
  void declarationsFileThatIsBinary() throws Exception {
    Path decls = Files.write(dir.resolve("jdk.decls"), new byte[] {'s', 'l', (byte) 0xc3, 0x28});
    assertBadInput(
        gate("--declarations", decls.toString()),
        "readonce: declarations file "
            + decls
            + " is not UTF-8 text: byte 0xc3 at offset 2 (is it a binary file?)");
  }

  @Test
  void missingClasspathEntry() throws Exception {
    Path jar = dir.resolve("lib/missing.jar");
    assertBadInput(
        gate("--classpath", jar.toString()),
        "readonce: classpath entry " + jar + ": no such file or directory");
  }

  @Test
  void missingRepoRoot() throws Exception {
    Path root = dir.resolve("no-root");
    assertBadInput(
        GateProject.run("--repo-root", root.toString(), project.src().toString()),
        "readonce: --repo-root " + root + ": no such directory");
  }

  @Test
  void unknownOption() throws Exception {
    assertBadInput(
        gate("--frobnicate"), "readonce: Unknown option: '--frobnicate' (see readonce --help)");
  }

  @Test
  void unknownFormat() throws Exception {
    assertBadInput(
        gate("--format", "pdf"),
        "readonce: Invalid value for option '--format' (FORMAT): expected one of text, sarif,"
            + " github, json, checkstyle but was 'pdf' (see readonce --help)");
  }

  @Test
  void twoFormatsOnStandardOutput() throws Exception {
    assertBadInput(
        gate("--format", "json"),
        "readonce: formats [text, json] would all write to standard output; give --output"
            + " FORMAT=FILE for all but one");
  }

  @Test
  void bareOutputWithSeveralFormats() throws Exception {
    Path target = out.resolve("r");
    assertBadInput(
        gate("--output", target.toString()),
        "readonce: --output "
            + target
            + ": say which format goes there (--output FORMAT=FILE)"
            + " when several formats or outputs are given");
  }

  @Test
  void sourceAndReleaseTogether() throws Exception {
    assertBadInput(
        gate("--source", "11", "--release", "11"),
        "readonce: --source and --release cannot be combined; give one");
  }

  @Test
  void releaseJavacDoesNotKnow() throws Exception {
    assertBadInputStartingWith(gate("--release", "99"), "readonce: invalid compiler option: ");
  }

  @Test
  void noPartialReportWhenTheAnalysisFailsLate() throws Exception {
    Path report = out.resolve("readonce.sarif");
    Files.writeString(report, "the previous report\n");
    project.write("Broken.java", "package demo;\nclass Broken { Missing m; }\n");

    Outcome outcome = project.gate("--output", "sarif=" + report);

    assertEquals(ExitCode.BAD_INPUT, outcome.exit());
    assertEquals("the previous report\n", Files.readString(report));
    try (Stream<Path> left = Files.list(out)) {
      assertEquals(List.of(report), left.toList());
    }
    assertFalse(outcome.err().contains("Exception"), outcome.err());
  }
}

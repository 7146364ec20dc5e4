package dev.readonce.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.gate.GateProject.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version, and how {@code --format} and {@code --output} choose what goes where. */
class CommandLineTest {

  @TempDir Path dir;

  @Test
  void helpDocumentsEveryOptionAndTheExitCodes() {
    Outcome outcome = GateProject.run("--help");
    assertEquals(ExitCode.CLEAN, outcome.exit());
    // Help wraps to the terminal's width.
    String help = outcome.out().replaceAll("\\s+", " ");
    for (String expected :
        List.of(
            "Usage: readonce",
            "--format=FORMAT[,FORMAT...]",
            "text, sarif, github, json, checkstyle",
            "--output=[FORMAT=]FILE",
            "--since=REF",
            "--baseline=FILE",
            "--write-baseline=FILE",
            "--classpath",
            "--source=N",
            "--release=N",
            "--declarations=FILE",
            "--repo-root=DIR",
            "%SRCROOT%",
            "Exit codes:",
            " 2 bad input")) {
      assertTrue(help.contains(expected), expected + " in\n" + outcome.out());
    }
  }

  @Test
  void versionIsTheMavenProjectVersion() {
    Outcome outcome = GateProject.run("--version");
    assertEquals(ExitCode.CLEAN, outcome.exit());
    assertEquals("ReadOnce review gate " + GateVersion.version() + "\n", outcome.out());
    assertTrue(GateVersion.version().matches("\\d+\\.\\d+\\.\\d+.*"), GateVersion.version());
  }

  @Test
  void defaultIsTextOnStandardOutput() throws Exception {
    ReportDestinations destinations = ReportDestinations.of(List.of(), List.of());
    assertEquals(List.of(Format.TEXT), destinations.formats());
    assertEquals(Map.of(), destinations.files());
    assertEquals(Format.TEXT, destinations.toStdout().orElseThrow());
  }

  @Test
  void outputNamingAFormatSelectsIt() throws Exception {
    ReportDestinations destinations =
        ReportDestinations.of(List.of(Format.GITHUB), List.of("SARIF=out/r.sarif"));
    assertEquals(List.of(Format.GITHUB, Format.SARIF), destinations.formats());
    assertEquals(Map.of(Format.SARIF, Path.of("out/r.sarif")), destinations.files());
    assertEquals(Format.GITHUB, destinations.toStdout().orElseThrow());
  }

  @Test
  void bareOutputTakesTheOneFormat() throws Exception {
    ReportDestinations destinations =
        ReportDestinations.of(List.of(Format.JSON), List.of("report.json"));
    assertEquals(Map.of(Format.JSON, Path.of("report.json")), destinations.files());
    assertTrue(destinations.toStdout().isEmpty());
  }

  @Test
  void everyFormatToItsFileAndNothingOnStandardOutput() throws Exception {
    GateProject project = GateProject.create(dir.resolve("repo"), GateProject.DOUBLE_READ_WALK);
    Path out = Files.createDirectories(dir.resolve("out"));
    String[] args = {
      "--format", "text,sarif,github,json,checkstyle",
      "-o", "text=" + out.resolve("r.txt"),
      "-o", "sarif=" + out.resolve("r.sarif"),
      "-o", "github=" + out.resolve("r.github"),
      "-o", "json=" + out.resolve("r.json"),
      "-o", "checkstyle=" + out.resolve("r.xml")
    };

    Outcome outcome = project.gate(args);

    assertEquals(ExitCode.FINDINGS, outcome.exit(), outcome.err());
    assertEquals("", outcome.out());
    for (String name : List.of("r.txt", "r.sarif", "r.github", "r.json", "r.xml")) {
      assertTrue(Files.readString(out.resolve(name)).contains("UnlockedReread"), name);
    }
    try (var files = Files.list(out)) {
      assertEquals(5, files.count(), "no temporary files remain");
    }
  }
}

package dev.readonce.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs appear whole or not at all. */
class OutputFilesTest {

  @TempDir Path dir;

  private List<Path> listing() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void committedFilesReplaceTheOldOnesAndNoTemporaryRemains() throws Exception {
    Path report = Files.writeString(dir.resolve("report.sarif"), "old");
    try (OutputFiles files = new OutputFiles()) {
      files.stage(report, "new");
      files.stage(dir.resolve("baseline.json"), "{}");
      assertEquals("old", Files.readString(report));
      files.commit();
    }
    assertEquals("new", Files.readString(report));
    assertEquals(List.of(dir.resolve("baseline.json"), report), listing());
  }

  @Test
  void closingWithoutCommitLeavesNothing() throws Exception {
    try (OutputFiles files = new OutputFiles()) {
      files.stage(dir.resolve("report.sarif"), "half");
    }
    assertEquals(List.of(), listing());
  }

  @Test
  void stagingIntoAMissingDirectoryIsBadInput() throws Exception {
    Path target = dir.resolve("missing/report.json");
    try (OutputFiles files = new OutputFiles()) {
      BadInputException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              BadInputException.class, () -> files.stage(target, "x"));
      assertFalse(e.getMessage().contains("\n"));
    }
    assertEquals(List.of(), listing());
  }
}

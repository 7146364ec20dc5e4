package dev.readonce.checker.declarations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.readonce.checker.DescentWithoutPointerCheck;
import dev.readonce.checker.MissingRevalidation;
import dev.readonce.checker.PlainSlotRead;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.checker.SnapshotNotPassed;
import dev.readonce.checker.UnlockedReread;
import dev.readonce.checker.UnlockedSlotWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The declarations test fixtures (under {@code src/test/resources/declarations/}) and helpers. */
final class Fixtures {

  static final ImmutableList<Class<? extends BugChecker>> ALL_CHECKS =
      ImmutableList.of(
          UnlockedReread.class,
          PlainSlotRead.class,
          SnapshotNotPassed.class,
          MissingRevalidation.class,
          DescentWithoutPointerCheck.class,
          UnlockedSlotWrite.class);

  private Fixtures() {}

  /** The path of a fixture resource on disk (the tests run from the build's class folder). */
  static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/declarations/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String name) {
    try {
      return Files.readString(path(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The flag that passes declarations files to the checks. */
  static List<String> declarationsFlag(Path... files) {
    StringBuilder paths = new StringBuilder();
    for (Path f : files) {
      if (paths.length() > 0) {
        paths.append(',');
      }
      paths.append(f);
    }
    return List.of("-XepOpt:" + ReadOnceConfig.DECLARATIONS + "=" + paths);
  }

  /**
   * The text with {@code from} replaced by {@code to}; {@code from} must occur exactly once, so a
   * mutation cannot silently miss the code it means to break.
   */
  static String mutate(String text, String from, String to) {
    int first = text.indexOf(from);
    assertTrue(
        first >= 0 && text.indexOf(from, first + 1) < 0,
        "the mutation's target must occur exactly once: " + from);
    return text.substring(0, first) + to + text.substring(first + from.length());
  }

  /** The lines of a source text, for {@code CompilationTestHelper.addSourceLines}. */
  static String[] lines(String text) {
    return text.split("\n", -1);
  }
}

package dev.readonce.checker.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.common.collect.ImmutableSortedSet;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marker comparison itself: it finds what is marked, and it notices what is not. */
class MarkedSourcesTest {

  private static Path fixture() throws URISyntaxException {
    return Path.of(MarkedSourcesTest.class.getResource("/history/marked").toURI());
  }

  @Test
  void markersAndFindingsAgreeOnTheMarkedFixture() throws Exception {
    Path base = fixture();
    List<Path> files = MarkedSources.javaFiles(base);
    ImmutableSortedSet<MarkedSources.Mark> markers = MarkedSources.markers(base, files);
    assertFalse(markers.isEmpty());
    assertEquals(markers, MarkedSources.findings(base, files));
  }

  @Test
  void aMissingMarkerIsNoticed(@TempDir Path copy) throws Exception {
    Path base = fixture();
    for (Path file : MarkedSources.javaFiles(base)) {
      String text = Files.readString(file).replaceFirst("//\\s*expect:[A-Za-z, ]+", "");
      Files.writeString(copy.resolve(base.relativize(file).toString()), text);
    }
    List<Path> files = MarkedSources.javaFiles(copy);
    assertNotEquals(MarkedSources.markers(copy, files), MarkedSources.findings(copy, files));
  }
}

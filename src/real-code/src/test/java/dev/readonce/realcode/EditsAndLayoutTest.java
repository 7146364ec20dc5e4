package dev.readonce.realcode;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus fails loudly on a missing JDK source archive and on an edit that does not apply. */
class EditsAndLayoutTest {

  @TempDir Path dir;

  @Test
  void missingJdkSourcesFailWithThePath() {
    Path missing = dir.resolve("no-such-src.zip");
    Layout layout = new Layout(missing, dir, dir, dir, dir, dir);
    IllegalStateException e = assertThrows(IllegalStateException.class, layout::requireJdkSources);
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void anEditReplacesItsLineAndKeepsTheLineCount() throws Exception {
    Edits edits = Edits.read(write("class a.B\nwhy because\n- import x.Y;\n+ \n"));
    String out = edits.apply("a.B", "package a;\nimport x.Y;\nclass B {}\n", Path.of("B.java"));
    assertEquals("package a;\n\nclass B {}\n", out);
    assertEquals(
        "", edits.apply("c.D", "", Path.of("D.java")).strip(), "other classes are untouched");
  }

  @Test
  void anEditWhoseLineIsMissingFailsWithItsLine() throws Exception {
    Edits edits = Edits.read(write("class a.B\nwhy because\n- import x.Y;\n+ \n"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> edits.apply("a.B", "package a;\nclass B {}\n", Path.of("B.java")));
    assertTrue(
        e.getMessage().contains("edits.txt:2") && e.getMessage().contains("import x.Y;"),
        e.getMessage());
  }

  @Test
  void aMalformedEditsFileFailsWithItsLine() throws Exception {
    Path file = write("class a.B\n+ x\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Edits.read(file));
    assertTrue(e.getMessage().contains(":2:"), e.getMessage());
  }

  private Path write(String text) throws Exception {
    Path f = dir.resolve("edits.txt");
    Files.writeString(f, text, UTF_8);
    return f;
  }
}

package dev.readonce.gate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.readonce.gate.GateProject.Outcome;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without PATH the gate checks the sources bundled in its jar, per package. Here the bundle is a
 * zip the test makes in the jar's layout ({@code sample-walker/src/main/java/...}).
 */
class SampleModeTest {

  @TempDir Path dir;

  private BundledSample.Source bundle(Map<String, String> sources) throws Exception {
    Path zip = dir.resolve("readonce-sample.zip");
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Map.Entry<String, String> source : sources.entrySet()) {
        out.putNextEntry(new ZipEntry(BundledSample.SOURCE_ROOT + "/" + source.getKey()));
        out.write(source.getValue().getBytes(UTF_8));
        out.closeEntry();
      }
    }
    return () -> Optional.of(Files.newInputStream(zip));
  }

  private BundledSample.Source twoPackages() throws Exception {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("demo/Ref.java", GateProject.REF);
    sources.put("demo/Upper.java", GateProject.UPPER);
    sources.put("demo/Pt.java", GateProject.PT);
    sources.put("demo/Walk.java", GateProject.CLEAN_WALK);
    sources.put(
        "demo/racy/Racy.java",
        """
        package demo.racy;

        import demo.Ref;

        public class Racy {
          long twice(Ref r) {
            return r.hashCode() + 0L;
          }
        }
        """);
    return bundle(sources);
  }

  @Test
  void summaryPerPackageWithItsFindings() throws Exception {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("demo/Ref.java", GateProject.REF);
    sources.put("demo/Upper.java", GateProject.UPPER);
    sources.put("demo/Pt.java", GateProject.PT);
    sources.put("demo/Walk.java", GateProject.DOUBLE_READ_WALK);
    sources.put("demo/clean/Empty.java", "package demo.clean;\nclass Empty {}\n");

    Outcome outcome = GateProject.run(bundle(sources));

    assertEquals(ExitCode.FINDINGS, outcome.exit(), outcome.err());
    assertEquals("", outcome.err());
    String version = GateVersion.version();
    assertEquals(
        "ReadOnce "
            + version
            + ": the bundled sample walker (sample-walker/src/main/java,"
            + " sample-walker/src/history/java), 5 files in 2 packages\n"
            + "\n"
            + "demo         4 files  1 finding: UnlockedReread 1\n"
            + "    sample-walker/src/main/java/demo/Walk.java:6:22: [UnlockedReread] slot 'u' read"
            + " again after the read on line 5 decided this pass; read it once into a local and"
            + " decide everything on that\n"
            + "demo.clean    1 file  no findings\n"
            + "\n"
            + "1 finding in 1 of 2 packages. Check your own code with: readonce [--classpath CP]"
            + " PATH...\n",
        outcome.out());
  }

  @Test
  void cleanBundleExitsZero() throws Exception {
    Outcome outcome = GateProject.run(twoPackages());
    assertEquals(ExitCode.CLEAN, outcome.exit(), outcome.err());
    assertTrue(outcome.out().contains("demo.racy    1 file  no findings\n"), outcome.out());
  }

  @Test
  void formatsWorkOnTheSampleToo() throws Exception {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("demo/Ref.java", GateProject.REF);
    sources.put("demo/Upper.java", GateProject.UPPER);
    sources.put("demo/Pt.java", GateProject.PT);
    sources.put("demo/Walk.java", GateProject.DOUBLE_READ_WALK);

    Outcome outcome = GateProject.run(bundle(sources), "--format", "json");

    assertEquals(ExitCode.FINDINGS, outcome.exit(), outcome.err());
    assertEquals(
        "sample-walker/src/main/java/demo/Walk.java",
        JsonParser.parseString(outcome.out())
            .getAsJsonObject()
            .getAsJsonArray("findings")
            .get(0)
            .getAsJsonObject()
            .get("path")
            .getAsString());
  }

  @Test
  void emptyBundleSaysSo() throws Exception {
    Outcome outcome = GateProject.run(bundle(Map.of()));
    assertEquals(ExitCode.CLEAN, outcome.exit(), outcome.err());
    assertEquals(
        List.of(
            "The bundled sample walker has no sources in this build: sample-walker/src/main/java"
                + " held no Java files when the gate jar was built.",
            "Check your own code with: readonce [--classpath CP] PATH..."),
        outcome.out().lines().toList());
  }

  @Test
  void noBundleIsBadInput() {
    Outcome outcome = GateProject.run(Optional::empty);
    assertEquals(ExitCode.BAD_INPUT, outcome.exit());
    assertEquals(
        List.of(
            "readonce: no PATH given, and this build of the gate bundles no sample walker; give"
                + " PATHs to check, or run the gate jar that ./readonce builds"),
        outcome.errLines());
  }

  @Test
  void sinceNeedsPaths() throws Exception {
    Outcome outcome = GateProject.run(twoPackages(), "--since", "HEAD");
    assertEquals(ExitCode.BAD_INPUT, outcome.exit());
    assertEquals(
        List.of(
            "readonce: --since needs PATHs to check (without a PATH the gate checks its bundled"
                + " sample walker)"),
        outcome.errLines());
  }
}

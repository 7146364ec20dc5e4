package dev.readonce.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.readonce.gate.GateProject.Outcome;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's SARIF validates against the official SARIF 2.1.0 schema (OASIS, errata 01; see {@code
 * src/test/resources/gate/README.md}).
 */
class SarifSchemaTest {

  private static Schema schema;

  @TempDir Path dir;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in =
        SarifSchemaTest.class.getResourceAsStream("/gate/sarif-schema-2.1.0.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
  }

  private static void assertValid(String sarif) {
    List<Error> errors = schema.validate(sarif, InputFormat.JSON);
    assertEquals(List.of(), errors, sarif);
  }

  @Test
  void gateOutputOnAProjectWithFindingsIsValid() throws Exception {
    GateProject project = GateProject.create(dir.resolve("repo"), GateProject.DOUBLE_READ_WALK);
    Path baseline = dir.resolve("baseline.json");
    project.gate("--write-baseline", baseline.toString());
    project.write("Other.java", GateProject.DOUBLE_READ_WALK.replace("class Walk", "class Other"));
    Path sarif = dir.resolve("readonce.sarif");

    Outcome outcome =
        project.gate(
            "--baseline", baseline.toString(), "--format", "sarif", "--output", sarif.toString());

    assertEquals(ExitCode.FINDINGS, outcome.exit(), outcome.err());
    String text = Files.readString(sarif);
    assertValid(text);
    // One failing (error) and one accepted (note) result.
    assertEquals(
        true, text.contains("\"level\": \"error\"") && text.contains("\"level\": \"note\""));
  }

  @Test
  void cleanRunIsValid() throws Exception {
    GateProject project = GateProject.create(dir.resolve("repo"), GateProject.CLEAN_WALK);
    Outcome outcome = project.gate("--format", "sarif");
    assertEquals(ExitCode.CLEAN, outcome.exit(), outcome.err());
    assertValid(outcome.out());
  }

  @Test
  void handMadeReportWithEveryStatusIsValid() {
    assertValid(new SarifReport().render(ReportFixture.report()));
  }

  @Test
  void schemaRejectsWhatItShould() {
    // Guards against a schema that accepts anything: a result without a message is invalid.
    String broken =
        "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}},"
            + " \"results\": [{\"ruleId\": \"r\"}]}]}";
    assertEquals(false, schema.validate(broken, InputFormat.JSON).isEmpty());
  }
}

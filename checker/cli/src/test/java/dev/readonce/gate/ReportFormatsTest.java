package dev.readonce.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The exact essential content of each report format, on {@link ReportFixture#report()}. */
class ReportFormatsTest {

  private static final String REREAD_MESSAGE =
      "slot 'u' read again after the read on line 5 decided this pass; read it once into a local"
          + " and decide everything on that";

  private final Report report = ReportFixture.report();

  @Test
  void text() {
    assertEquals(
        "/elsewhere/Gen.java:3:7: note: [UnlockedSlotWrite] write to slot 'x' (not on a line this"
            + " change adds or modifies)\n"
            + "src/demo/Walk.java:6:22: [UnlockedReread] "
            + REREAD_MESSAGE
            + "\n"
            + "src/demo/Walk.java:9:5: note: [PlainSlotRead] slot 'a,b' read: 100% <wrong> &"
            + " \"odd\" second line (accepted in the baseline)\n",
        new TextReport().render(report));
  }

  @Test
  void githubWorkflowCommands() {
    assertEquals(
        "::notice file=/elsewhere/Gen.java,line=3,col=7,title=ReadOnce UnlockedSlotWrite::write to"
            + " slot 'x' (not on a line this change adds or modifies)\n"
            + "::error file=src/demo/Walk.java,line=6,col=22,title=ReadOnce UnlockedReread::"
            + REREAD_MESSAGE
            + "\n"
            + "::notice file=src/demo/Walk.java,line=9,col=5,title=ReadOnce PlainSlotRead::slot"
            + " 'a,b' read: 100%25 <wrong> & \"odd\"%0Asecond line (accepted in the baseline)\n",
        new GithubReport().render(report));
  }

  @Test
  void githubPropertiesEscapeColonsAndCommas() {
    assertEquals("C%3A/a%2Cb%25%0A", GithubReport.property("C:/a,b%\n"));
    assertEquals("a:b,c%25%0D%0A", GithubReport.data("a:b,c%\r\n"));
  }

  @Test
  void json() {
    JsonObject root = JsonParser.parseString(new JsonReport().render(report)).getAsJsonObject();
    assertEquals(1, root.get("formatVersion").getAsInt());
    assertEquals("ReadOnce", root.get("tool").getAsString());
    assertEquals("1.2.3", root.get("version").getAsString());
    assertEquals("file:///work/repo/", root.get("repoRoot").getAsString());
    assertEquals(
        JsonParser.parseString(
            "{\"findings\": 3, \"failing\": 1, \"baselined\": 1, \"outsideChange\": 1}"),
        root.get("summary"));
    JsonArray findings = root.getAsJsonArray("findings");
    assertEquals(3, findings.size());
    JsonObject failing = findings.get(1).getAsJsonObject();
    assertEquals(
        JsonParser.parseString(
            "{\"rule\": \"UnlockedReread\", \"path\": \"src/demo/Walk.java\", \"line\": 6,"
                + " \"column\": 22, \"message\": \""
                + REREAD_MESSAGE
                + "\", \"slot\": \"u\", \"status\": \"new\", \"failsGate\": true,"
                + " \"fingerprint\": \""
                + report.findings().get(1).fingerprint().id()
                + "\"}"),
        failing);
    assertEquals(
        ReportFixture.TRICKY, findings.get(2).getAsJsonObject().get("message").getAsString());
    assertEquals("baselined", findings.get(2).getAsJsonObject().get("status").getAsString());
    assertEquals(
        "file:///elsewhere/Gen.java", findings.get(0).getAsJsonObject().get("path").getAsString());
    assertEquals("outside-change", findings.get(0).getAsJsonObject().get("status").getAsString());
  }

  @Test
  void checkstyleXml() throws Exception {
    String xml = new CheckstyleReport().render(report);
    Document document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(xml)));
    Element root = document.getDocumentElement();
    assertEquals("checkstyle", root.getTagName());
    NodeList files = root.getElementsByTagName("file");
    assertEquals(2, files.getLength());
    assertEquals("/elsewhere/Gen.java", ((Element) files.item(0)).getAttribute("name"));
    Element walk = (Element) files.item(1);
    assertEquals("src/demo/Walk.java", walk.getAttribute("name"));
    NodeList errors = walk.getElementsByTagName("error");
    assertEquals(2, errors.getLength());
    Element failing = (Element) errors.item(0);
    assertEquals("6", failing.getAttribute("line"));
    assertEquals("22", failing.getAttribute("column"));
    assertEquals("error", failing.getAttribute("severity"));
    assertEquals(REREAD_MESSAGE, failing.getAttribute("message"));
    assertEquals("ReadOnce.UnlockedReread", failing.getAttribute("source"));
    Element accepted = (Element) errors.item(1);
    assertEquals("info", accepted.getAttribute("severity"));
    assertEquals("ReadOnce.PlainSlotRead", accepted.getAttribute("source"));
    assertFalse(xml.contains("<wrong>"), "markup in messages is escaped");
  }

  @Test
  void sarifDriverAndRules() {
    JsonObject run = sarifRun();
    JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
    assertEquals("ReadOnce", driver.get("name").getAsString());
    assertEquals("1.2.3", driver.get("version").getAsString());
    // Left out while the project has no published home page (the field is optional).
    assertFalse(driver.has("informationUri"));
    JsonArray rules = driver.getAsJsonArray("rules");
    assertEquals(7, rules.size());
    String[] ids = {
      "UnlockedReread",
      "PlainSlotRead",
      "SnapshotNotPassed",
      "MissingRevalidation",
      "DescentWithoutPointerCheck",
      "UnlockedSlotWrite",
      "UnknownContractName"
    };
    for (int i = 0; i < ids.length; i++) {
      JsonObject rule = rules.get(i).getAsJsonObject();
      assertEquals(ids[i], rule.get("id").getAsString());
      assertEquals(ids[i], rule.get("name").getAsString());
      RuleInfo info = RuleInfo.ALL.get(i);
      assertEquals(info.summary(), text(rule, "shortDescription"));
      assertEquals(info.description(), text(rule, "fullDescription"));
      assertEquals(SarifReport.helpText(info), text(rule, "help"));
      assertEquals(
          SarifReport.helpMarkdown(info),
          rule.getAsJsonObject("help").get("markdown").getAsString());
      assertEquals(
          "error", rule.getAsJsonObject("defaultConfiguration").get("level").getAsString());
    }
    assertEquals(
        "file:///work/repo/",
        run.getAsJsonObject("originalUriBaseIds")
            .getAsJsonObject("%SRCROOT%")
            .get("uri")
            .getAsString());
  }

  @Test
  void sarifResults() {
    JsonArray results = sarifRun().getAsJsonArray("results");
    assertEquals(3, results.size());

    JsonObject failing = results.get(1).getAsJsonObject();
    assertEquals("UnlockedReread", failing.get("ruleId").getAsString());
    assertEquals(0, failing.get("ruleIndex").getAsInt());
    assertEquals("error", failing.get("level").getAsString());
    assertEquals(REREAD_MESSAGE, text(failing, "message"));
    JsonObject location =
        failing
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation");
    assertEquals(
        JsonParser.parseString("{\"uri\": \"src/demo/Walk.java\", \"uriBaseId\": \"%SRCROOT%\"}"),
        location.get("artifactLocation"));
    assertEquals(
        JsonParser.parseString("{\"startLine\": 6, \"startColumn\": 22}"), location.get("region"));
    assertEquals(
        report.findings().get(1).fingerprint().primaryLocationLineHash(),
        failing
            .getAsJsonObject("partialFingerprints")
            .get("primaryLocationLineHash")
            .getAsString());

    JsonObject accepted = results.get(2).getAsJsonObject();
    assertEquals("PlainSlotRead", accepted.get("ruleId").getAsString());
    assertEquals(1, accepted.get("ruleIndex").getAsInt());
    assertEquals("note", accepted.get("level").getAsString());
    assertEquals(ReportFixture.TRICKY, text(accepted, "message"));

    JsonObject outside = results.get(0).getAsJsonObject();
    assertEquals(
        JsonParser.parseString("{\"uri\": \"file:///elsewhere/Gen.java\"}"),
        outside
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation")
            .get("artifactLocation"));
  }

  @Test
  void sarifUrisArePercentEncoded() {
    assertEquals("src/a%20b/%C3%84.java", SarifReport.uriReference("src/a b/Ä.java"));
    assertEquals("src/demo/Walk.java", SarifReport.uriReference("src/demo/Walk.java"));
  }

  @Test
  void primaryLocationLineHashHasGithubShape() {
    String hash = report.findings().get(1).fingerprint().primaryLocationLineHash();
    assertEquals(true, hash.matches("[0-9a-f]{16}:1"), hash);
  }

  private JsonObject sarifRun() {
    JsonObject log = JsonParser.parseString(new SarifReport().render(report)).getAsJsonObject();
    assertEquals("2.1.0", log.get("version").getAsString());
    assertEquals(SarifReport.SCHEMA, log.get("$schema").getAsString());
    return log.getAsJsonArray("runs").get(0).getAsJsonObject();
  }

  private static String text(JsonObject object, String member) {
    return object.getAsJsonObject(member).get("text").getAsString();
  }
}

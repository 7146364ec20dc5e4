package dev.readonce.gate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.readonce.analysis.CheckDocs;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * SARIF 2.1.0 with what GitHub code scanning requires: a driver with name, version, information URI
 * and the six rules (id, name, descriptions, help in text and Markdown, default level); and per
 * result the rule id and index, level, message, a location relative to {@code %SRCROOT%} (the
 * repository root) with start line and column, and {@code
 * partialFingerprints.primaryLocationLineHash} from the finding's {@link Fingerprint}, so code
 * scanning tracks an alert across line shifts the way the baseline does.
 *
 * <p>A finding that does not fail the gate is reported at level {@code note}, with the reason in
 * the result's properties.
 */
final class SarifReport implements ReportWriter {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";

  @Override
  public String render(Report report) {
    JsonObject driver = new JsonObject();
    driver.addProperty("name", GateVersion.TOOL_NAME);
    driver.addProperty("version", report.toolVersion());
    if (!GateVersion.informationUri().isEmpty()) {
      driver.addProperty("informationUri", GateVersion.informationUri());
    }
    JsonArray rules = new JsonArray();
    RuleInfo.ALL.forEach(rule -> rules.add(rule(rule)));
    driver.add("rules", rules);
    JsonObject tool = new JsonObject();
    tool.add("driver", driver);

    JsonObject run = new JsonObject();
    run.add("tool", tool);
    JsonObject srcroot = new JsonObject();
    srcroot.addProperty("uri", report.repoRoot().toString());
    JsonObject bases = new JsonObject();
    bases.add(SRCROOT, srcroot);
    run.add("originalUriBaseIds", bases);
    run.addProperty("columnKind", "utf16CodeUnits");
    JsonArray results = new JsonArray();
    report.findings().forEach(f -> results.add(result(f)));
    run.add("results", results);

    JsonObject log = new JsonObject();
    log.addProperty("$schema", SCHEMA);
    log.addProperty("version", "2.1.0");
    JsonArray runs = new JsonArray();
    runs.add(run);
    log.add("runs", runs);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log) + "\n";
  }

  private static JsonObject rule(RuleInfo rule) {
    JsonObject o = new JsonObject();
    o.addProperty("id", rule.name());
    o.addProperty("name", rule.name());
    o.add("shortDescription", text(rule.summary()));
    o.add("fullDescription", text(rule.description()));
    JsonObject help = new JsonObject();
    help.addProperty("text", helpText(rule));
    help.addProperty("markdown", helpMarkdown(rule));
    o.add("help", help);
    // Only for hosted docs: a repository path is not a URI a SARIF viewer could open.
    CheckDocs.configuredUrl()
        .ifPresent(url -> o.addProperty("helpUri", CheckDocs.hostedLink(url, rule.name())));
    JsonObject configuration = new JsonObject();
    configuration.addProperty("level", "error");
    o.add("defaultConfiguration", configuration);
    JsonObject properties = new JsonObject();
    JsonArray tags = new JsonArray();
    tags.add("concurrency");
    tags.add("readonce");
    properties.add("tags", tags);
    o.add("properties", properties);
    return o;
  }

  static String helpText(RuleInfo rule) {
    return rule.summary()
        + ".\n\n"
        + rule.description()
        + "\n\nWhat to do: "
        + rule.remedy()
        + "\n\nWhere a finding has been judged safe, suppress it with @SuppressWarnings(\""
        + rule.name()
        + "\") on the enclosing declaration. Documentation: "
        + rule.docPath()
        + " in the ReadOnce repository.";
  }

  static String helpMarkdown(RuleInfo rule) {
    return "**"
        + rule.summary()
        + ".**\n\n"
        + rule.description()
        + "\n\n**What to do:** "
        + rule.remedy()
        + "\n\nWhere a finding has been judged safe, suppress it with `@SuppressWarnings(\""
        + rule.name()
        + "\")` on the enclosing declaration. Documentation: `"
        + rule.docPath()
        + "` in the ReadOnce repository.";
  }

  private static JsonObject result(ReportedFinding f) {
    JsonObject o = new JsonObject();
    o.addProperty("ruleId", f.rule());
    o.addProperty("ruleIndex", RuleInfo.indexOf(f.rule()));
    o.addProperty("level", f.failsGate() ? "error" : "note");
    o.add("message", text(f.message()));

    JsonObject artifact = new JsonObject();
    artifact.addProperty("uri", f.insideRoot() ? uriReference(f.path()) : f.path());
    if (f.insideRoot()) {
      artifact.addProperty("uriBaseId", SRCROOT);
    }
    JsonObject region = new JsonObject();
    region.addProperty("startLine", f.line());
    region.addProperty("startColumn", f.column());
    JsonObject physical = new JsonObject();
    physical.add("artifactLocation", artifact);
    physical.add("region", region);
    JsonObject location = new JsonObject();
    location.add("physicalLocation", physical);
    JsonArray locations = new JsonArray();
    locations.add(location);
    o.add("locations", locations);

    JsonObject fingerprints = new JsonObject();
    fingerprints.addProperty("primaryLocationLineHash", f.fingerprint().primaryLocationLineHash());
    o.add("partialFingerprints", fingerprints);
    JsonObject properties = new JsonObject();
    properties.addProperty("status", f.status().id());
    properties.addProperty("failsGate", f.failsGate());
    properties.addProperty("fingerprint", f.fingerprint().id());
    o.add("properties", properties);
    return o;
  }

  /** A relative path as a URI reference: spaces and non-ASCII characters percent-encoded. */
  static String uriReference(String relativePath) {
    try {
      return new URI(null, null, relativePath, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a relative path: " + relativePath, e);
    }
  }

  private static JsonObject text(String text) {
    JsonObject o = new JsonObject();
    o.addProperty("text", text);
    return o;
  }
}

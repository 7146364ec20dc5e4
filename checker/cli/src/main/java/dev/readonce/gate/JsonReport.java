package dev.readonce.gate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The gate's own JSON report: a {@code summary} of counts and one object per finding with its rule,
 * location, message, slot, status, whether it fails the gate, and its fingerprint. The README
 * documents every field; {@link #FORMAT_VERSION} changes when one changes meaning.
 */
final class JsonReport implements ReportWriter {

  static final int FORMAT_VERSION = 1;

  @Override
  public String render(Report report) {
    JsonObject root = new JsonObject();
    root.addProperty("formatVersion", FORMAT_VERSION);
    root.addProperty("tool", GateVersion.TOOL_NAME);
    root.addProperty("version", report.toolVersion());
    root.addProperty("repoRoot", report.repoRoot().toString());
    JsonObject summary = new JsonObject();
    summary.addProperty("findings", report.findings().size());
    summary.addProperty("failing", report.failing());
    summary.addProperty("baselined", report.count(Status.BASELINED));
    summary.addProperty("outsideChange", report.count(Status.OUTSIDE_CHANGE));
    root.add("summary", summary);
    JsonArray findings = new JsonArray();
    for (ReportedFinding f : report.findings()) {
      JsonObject o = new JsonObject();
      o.addProperty("rule", f.rule());
      o.addProperty("path", f.path());
      o.addProperty("line", f.line());
      o.addProperty("column", f.column());
      o.addProperty("message", f.message());
      o.addProperty("slot", f.finding().slot());
      o.addProperty("status", f.status().id());
      o.addProperty("failsGate", f.failsGate());
      o.addProperty("fingerprint", f.fingerprint().id());
      findings.add(o);
    }
    root.add("findings", findings);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }
}

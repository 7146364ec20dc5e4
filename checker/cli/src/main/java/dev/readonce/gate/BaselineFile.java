package dev.readonce.gate;

import com.google.common.collect.ImmutableList;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes baseline files: JSON of the form
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "tool": "ReadOnce",
 *   "findings": [
 *     { "fingerprint": "<32 hex digits>", "rule": "...", "path": "...", "type": "...",
 *       "member": "...", "slot": "...", "statement": "...", "occurrence": 0,
 *       "line": 12, "message": "..." }
 *   ]
 * }
 * }</pre>
 *
 * A reader needs only {@code version} and each entry's {@code fingerprint}; a file that lacks them,
 * or is not JSON, is malformed.
 */
final class BaselineFile {

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{32}");
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private BaselineFile() {}

  static Baseline read(Path file) throws BadInputException {
    if (!Files.exists(file)) {
      throw new BadInputException("cannot read baseline " + file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException("cannot read baseline " + file + ": it is a directory");
    }
    String text = TextFiles.readUtf8(file, "baseline");
    JsonElement root;
    try {
      root = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw malformed(file, "not JSON: " + parserMessage(e));
    }
    if (root.isJsonNull()) {
      throw malformed(file, "the file is empty");
    }
    if (!root.isJsonObject()) {
      throw malformed(file, "expected a JSON object with \"version\" and \"findings\"");
    }
    JsonObject object = root.getAsJsonObject();
    JsonElement version = object.get("version");
    if (version == null || !isInt(version)) {
      throw malformed(file, "no \"version\" number");
    }
    if (version.getAsInt() != Baseline.FORMAT_VERSION) {
      throw malformed(
          file,
          "version "
              + version.getAsString()
              + " is not supported (expected "
              + Baseline.FORMAT_VERSION
              + ")");
    }
    JsonElement findings = object.get("findings");
    if (findings == null || !findings.isJsonArray()) {
      throw malformed(file, "no \"findings\" array");
    }
    ImmutableList.Builder<Baseline.Entry> entries = ImmutableList.builder();
    JsonArray array = findings.getAsJsonArray();
    for (int i = 0; i < array.size(); i++) {
      entries.add(entry(file, i, array.get(i)));
    }
    return new Baseline(entries.build());
  }

  private static Baseline.Entry entry(Path file, int index, JsonElement element)
      throws BadInputException {
    if (!element.isJsonObject()) {
      throw malformed(file, "findings[" + index + "] is not an object");
    }
    JsonObject o = element.getAsJsonObject();
    String fingerprint = string(o, "fingerprint");
    if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
      throw malformed(file, "findings[" + index + "] has no \"fingerprint\" of 32 hex digits");
    }
    return new Baseline.Entry(
        fingerprint,
        string(o, "rule"),
        string(o, "path"),
        string(o, "type"),
        string(o, "member"),
        string(o, "slot"),
        string(o, "statement"),
        isInt(o.get("occurrence")) ? o.get("occurrence").getAsInt() : 0,
        isInt(o.get("line")) ? o.get("line").getAsInt() : 0,
        string(o, "message"));
  }

  /** The baseline that accepts exactly {@code findings}, as the file's text. */
  static String render(List<ReportedFinding> findings) {
    JsonObject root = new JsonObject();
    root.addProperty("version", Baseline.FORMAT_VERSION);
    root.addProperty("tool", GateVersion.TOOL_NAME);
    JsonArray array = new JsonArray();
    findings.stream()
        .sorted(Report.ORDER)
        .map(Baseline.Entry::of)
        .forEach(e -> array.add(GSON.toJsonTree(e)));
    root.add("findings", array);
    return GSON.toJson(root) + "\n";
  }

  private static String string(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
        ? e.getAsString()
        : null;
  }

  private static boolean isInt(JsonElement e) {
    if (e == null || !e.isJsonPrimitive()) {
      return false;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    return p.isNumber() && p.getAsDouble() == Math.rint(p.getAsDouble());
  }

  private static BadInputException malformed(Path file, String why) {
    return new BadInputException("baseline " + file + " is malformed: " + why);
  }

  /**
   * Gson's own words for where the JSON went wrong ("Unterminated string at line 1 column 45 path
   * $.findings[0].fingerprint"), without the troubleshooting link it appends: the user needs to
   * know what is wrong with their file, not where Gson's documentation lives.
   */
  private static String parserMessage(JsonParseException e) {
    String message = rootCause(e).getMessage();
    if (message == null) {
      return "unreadable";
    }
    int link = message.indexOf("\nSee https://");
    String what = (link < 0 ? message : message.substring(0, link)).strip();
    return what.startsWith("End of input") || what.startsWith("Unterminated string")
        ? what + " (the file ends early: was it cut off?)"
        : what;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}

package dev.readonce.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.readonce.checker.ReadOnceConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code .readonce-lsp.json}: the project model spelled out, for builds the server cannot read
 * (Gradle, Bazel, hand-made class paths) or to override what it reads from a pom. Paths are
 * relative to the file's directory.
 *
 * <pre>{@code
 * {
 *   "sourceRoots": ["src/main/java", "src/test/java"],
 *   "classpath": ["lib/guava.jar"],
 *   "classpathFile": "cp.txt",
 *   "options": ["--release", "17", "-Xep:UnlockedReread:WARN"],
 *   "declarations": ["jdk.decls"],
 *   "docsBaseUrl": "https://example.org/readonce/docs/"
 * }
 * }</pre>
 */
final class OverrideFile {

  static final String NAME = ".readonce-lsp.json";

  private static final Set<String> KEYS =
      Set.of("sourceRoots", "classpath", "classpathFile", "options", "declarations", "docsBaseUrl");

  private OverrideFile() {}

  static Project read(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    List<String> problems = new ArrayList<>();
    JsonObject json;
    try {
      JsonElement parsed = JsonParser.parseString(Files.readString(file, UTF_8));
      if (!parsed.isJsonObject()) {
        throw new JsonParseException("expected a JSON object");
      }
      json = parsed.getAsJsonObject();
    } catch (IOException | JsonParseException e) {
      return Project.alone(
          dir, file + ": cannot read it (" + e.getMessage() + "); checking files alone");
    }
    for (String key : json.keySet()) {
      if (!KEYS.contains(key)) {
        problems.add(
            file + ": unknown key \"" + key + "\" (known: " + String.join(", ", KEYS) + ")");
      }
    }
    ImmutableList.Builder<Path> roots = ImmutableList.builder();
    for (String root : strings(json, "sourceRoots", file, problems)) {
      roots.add(dir.resolve(root).normalize());
    }
    ImmutableList.Builder<Path> classpath = ImmutableList.builder();
    for (String entry : strings(json, "classpath", file, problems)) {
      classpath.add(dir.resolve(entry).normalize());
    }
    if (json.has("classpathFile")) {
      Path cp = dir.resolve(json.get("classpathFile").getAsString());
      try {
        for (String entry :
            Splitter.on(File.pathSeparatorChar)
                .trimResults()
                .omitEmptyStrings()
                .split(Files.readString(cp, UTF_8))) {
          classpath.add(dir.resolve(entry).normalize());
        }
      } catch (IOException e) {
        problems.add(file + ": classpathFile " + cp + " cannot be read: " + e.getMessage());
      }
    }
    ImmutableList.Builder<String> options = ImmutableList.builder();
    options.addAll(strings(json, "options", file, problems));
    List<String> declarations = new ArrayList<>();
    for (String decl : strings(json, "declarations", file, problems)) {
      declarations.add(dir.resolve(decl).normalize().toString());
    }
    if (!declarations.isEmpty()) {
      options.add("-XepOpt:" + ReadOnceConfig.DECLARATIONS + "=" + String.join(",", declarations));
    }
    if (json.has("docsBaseUrl")) {
      options.add(
          "-XepOpt:" + ReadOnceConfig.DOCS_BASE_URL + "=" + json.get("docsBaseUrl").getAsString());
    }
    return new Project(
        dir, roots.build(), classpath.build(), options.build(), ImmutableList.copyOf(problems));
  }

  private static List<String> strings(
      JsonObject json, String key, Path file, List<String> problems) {
    List<String> values = new ArrayList<>();
    if (!json.has(key)) {
      return values;
    }
    JsonElement element = json.get(key);
    if (!element.isJsonArray()) {
      problems.add(file + ": \"" + key + "\" must be an array of strings");
      return values;
    }
    JsonArray array = element.getAsJsonArray();
    for (JsonElement value : array) {
      if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
        values.add(value.getAsString());
      } else {
        problems.add(file + ": \"" + key + "\" must hold strings only");
      }
    }
    return values;
  }
}

package dev.readonce.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a Maven project's model for the server: source roots and compiler flags from the pom itself
 * (properties interpolated; a parent's are not seen), and the class path from Maven ({@code
 * dependency:build-classpath}, test scope, so test sources compile too).
 */
final class MavenProjectReader {

  /** The dependency plugin that computes the class path; pinned so the result does not drift. */
  static final String BUILD_CLASSPATH =
      "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final long MAVEN_TIMEOUT_SECONDS = 300;

  private final String mavenCommand;

  MavenProjectReader(String mavenCommand) {
    this.mavenCommand = mavenCommand;
  }

  Project read(Path pom) {
    Path dir = pom.toAbsolutePath().getParent();
    List<String> problems = new ArrayList<>();
    Element project;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    } catch (Exception e) {
      return Project.alone(
          dir, pom + ": cannot parse it (" + e.getMessage() + "); checking files alone");
    }
    Map<String, String> properties = new HashMap<>();
    properties.put("basedir", dir.toString());
    properties.put("project.basedir", dir.toString());
    child(project, "properties")
        .ifPresent(
            p ->
                children(p)
                    .forEach(e -> properties.put(e.getTagName(), e.getTextContent().strip())));
    Interpolator interpolate = new Interpolator(properties, pom, problems);

    Optional<Element> build = child(project, "build");
    ImmutableList.Builder<Path> roots = ImmutableList.builder();
    for (String[] root :
        new String[][] {
          {"sourceDirectory", "src/main/java"}, {"testSourceDirectory", "src/test/java"}
        }) {
      String value =
          build
              .flatMap(b -> child(b, root[0]))
              .map(e -> interpolate.apply(e.getTextContent()))
              .orElse(root[1]);
      Path path = dir.resolve(value.strip()).normalize();
      if (Files.isDirectory(path)) {
        roots.add(path);
      }
    }

    ImmutableList.Builder<String> options = ImmutableList.builder();
    Optional<Element> compiler =
        build.flatMap(b -> child(b, "plugins")).stream()
            .flatMap(plugins -> children(plugins).stream())
            .filter(
                p ->
                    child(p, "artifactId")
                        .map(a -> a.getTextContent().strip())
                        .orElse("")
                        .equals("maven-compiler-plugin"))
            .findFirst()
            .flatMap(p -> child(p, "configuration"));
    String release =
        compiler
            .flatMap(c -> child(c, "release"))
            .map(Element::getTextContent)
            .or(() -> Optional.ofNullable(properties.get("maven.compiler.release")))
            .map(interpolate::apply)
            .orElse("");
    String source =
        compiler
            .flatMap(c -> child(c, "source"))
            .map(Element::getTextContent)
            .or(() -> Optional.ofNullable(properties.get("maven.compiler.source")))
            .map(interpolate::apply)
            .orElse("");
    if (!release.isBlank()) {
      options.add("--release", release.strip());
    } else if (!source.isBlank()) {
      options.add("--source", source.strip());
    }
    List<String> args = new ArrayList<>();
    compiler
        .flatMap(c -> child(c, "compilerArgs"))
        .ifPresent(
            c -> children(c).forEach(a -> args.add(interpolate.apply(a.getTextContent()).strip())));
    for (String arg : args) {
      if (arg.startsWith("-Xplugin:ErrorProne")) {
        for (String flag :
            Splitter.onPattern("\\s+")
                .omitEmptyStrings()
                .split(arg.substring("-Xplugin:ErrorProne".length()))) {
          addErrorProneFlag(flag, dir, options);
        }
      } else if (arg.startsWith("-Xep")) {
        addErrorProneFlag(arg, dir, options);
      }
    }
    ImmutableList<Path> classpath = classpath(pom, problems);
    return new Project(
        dir, roots.build(), classpath, options.build(), ImmutableList.copyOf(problems));
  }

  /** Keeps the flags that shape findings; patch mode is the build's business, not the editor's. */
  private static void addErrorProneFlag(
      String flag, Path dir, ImmutableList.Builder<String> options) {
    if (flag.startsWith("-XepPatch")) {
      return;
    }
    String declarations = "-XepOpt:ReadOnce:Declarations=";
    if (flag.startsWith(declarations)) {
      // Relative to the project directory, where Maven runs javac.
      List<String> files = new ArrayList<>();
      for (String file :
          Splitter.on(',')
              .trimResults()
              .omitEmptyStrings()
              .split(flag.substring(declarations.length()))) {
        files.add(dir.resolve(file).normalize().toString());
      }
      options.add(declarations + String.join(",", files));
      return;
    }
    options.add(flag);
  }

  private ImmutableList<Path> classpath(Path pom, List<String> problems) {
    Path out = null;
    try {
      out = Files.createTempFile("readonce-lsp-classpath", ".txt");
      Path log = Files.createTempFile("readonce-lsp-maven", ".log");
      try {
        Process maven =
            new ProcessBuilder(
                    mavenCommand,
                    "-q",
                    "-B",
                    "-f",
                    pom.toString(),
                    BUILD_CLASSPATH,
                    "-Dmdep.outputFile=" + out,
                    "-Dmdep.includeScope=test")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!maven.waitFor(MAVEN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          maven.destroyForcibly();
          problems.add(
              pom
                  + ": Maven took longer than "
                  + MAVEN_TIMEOUT_SECONDS
                  + " s to compute the class path; checking without it (or give it in "
                  + OverrideFile.NAME
                  + ")");
          return ImmutableList.of();
        }
        if (maven.exitValue() != 0) {
          List<String> lines = Files.readAllLines(log, UTF_8);
          String last =
              lines.stream()
                  .filter(l -> l.contains("ERROR"))
                  .findFirst()
                  .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
          problems.add(
              pom
                  + ": Maven could not compute the class path ("
                  + last.strip()
                  + "); checking without it (or give it in "
                  + OverrideFile.NAME
                  + ")");
          return ImmutableList.of();
        }
      } finally {
        Files.deleteIfExists(log);
      }
      ImmutableList.Builder<Path> entries = ImmutableList.builder();
      for (String entry :
          Splitter.on(File.pathSeparatorChar)
              .trimResults()
              .omitEmptyStrings()
              .split(Files.readString(out, UTF_8))) {
        entries.add(Path.of(entry));
      }
      return entries.build();
    } catch (IOException e) {
      problems.add(
          pom
              + ": cannot run Maven ("
              + mavenCommand
              + ") for the class path: "
              + e.getMessage()
              + "; checking without it (or give it in "
              + OverrideFile.NAME
              + ")");
      return ImmutableList.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ImmutableList.of();
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          // A temporary file left behind is not worth failing for.
        }
      }
    }
  }

  private static Optional<Element> child(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst();
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        elements.add(e);
      }
    }
    return elements;
  }

  /** Replaces {@code ${name}} with the pom's properties; what it cannot resolve is a problem. */
  private record Interpolator(Map<String, String> properties, Path pom, List<String> problems) {
    String apply(String text) {
      Matcher m = PROPERTY.matcher(text);
      StringBuilder result = new StringBuilder();
      while (m.find()) {
        String value = properties.get(m.group(1));
        if (value == null) {
          problems.add(
              pom
                  + ": cannot resolve ${"
                  + m.group(1)
                  + "} (a parent's or a profile's"
                  + " properties are not read); left empty");
          value = "";
        }
        m.appendReplacement(result, Matcher.quoteReplacement(value));
      }
      m.appendTail(result);
      return result.toString();
    }
  }
}

package dev.readonce.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The consumer builds use the README's Maven setup: each test project's {@code .mvn/jvm.config} is
 * the README's, its {@code pom.xml} holds every element of the README's pom snippet with the same
 * values, and the Error Prone flags the scenarios pass are the ones the README shows.
 *
 * <p>The README marks its two blocks with an HTML comment on the line before the fence ({@code
 * <!-- consumer-build: pom.xml -->}). The poms are compared as invoker fills them in: {@code
 * @name@} tokens take the build's values (passed in as system properties). One value is not
 * compared: {@code readonce.version}, because the README names a release there.
 */
class ReadmeSnippetTest {

  private static final Path README = Path.of(System.getProperty("readme"));
  private static final Path PROJECTS = Path.of(System.getProperty("it.projects"));
  private static final Pattern TOKEN = Pattern.compile("@([\\w.]+)@");
  private static final String UNCOMPARED = "readonce.version";

  @Test
  void everyProjectHasTheReadmesJvmConfig() throws IOException {
    String documented = readmeBlock(".mvn/jvm.config");
    for (Path project : projects()) {
      assertEquals(
          documented,
          Files.readString(project.resolve(".mvn/jvm.config"), StandardCharsets.UTF_8),
          project.getFileName() + "/.mvn/jvm.config differs from the README's");
    }
  }

  @Test
  void everyProjectPomHoldsTheReadmesSnippet() throws Exception {
    Element snippet = parse("<snippet>" + readmeBlock("pom.xml") + "</snippet>");
    for (Path project : projects()) {
      Element pom = parse(filtered(Files.readString(project.resolve("pom.xml"))));
      for (Element wanted : children(snippet)) {
        String lacking = lacking(pom, wanted, "project");
        if (lacking != null) {
          fail(project.getFileName() + "/pom.xml lacks the README's " + lacking);
        }
      }
    }
  }

  @Test
  void theFlagsTheScenariosPassAreTheReadmes() throws IOException {
    String readme = Files.readString(README);
    List<Path> flagFiles;
    try (Stream<Path> files = Files.walk(PROJECTS, 2)) {
      flagFiles = files.filter(f -> f.toString().endsWith(".properties")).sorted().toList();
    }
    assertFalse(flagFiles.isEmpty(), "no user-properties files under " + PROJECTS);
    for (Path file : flagFiles) {
      Properties properties = new Properties();
      try (var in = Files.newBufferedReader(file)) {
        properties.load(in);
      }
      String flags = properties.getProperty("errorprone.flags");
      if (flags != null) {
        assertTrue(
            readme.contains("-Derrorprone.flags=" + flags)
                || readme.contains("-Derrorprone.flags=\"" + flags + "\""),
            "the README does not show the flags "
                + PROJECTS.relativize(file)
                + " passes: "
                + flags);
      }
    }
  }

  /**
   * Without a PATH the gate checks its bundled sample walker, so a README command meant for the
   * user's code that forgets the PATH runs fine and reports on the wrong code.
   */
  @Test
  void everyGateCommandForTheUsersCodeNamesItsSources() throws IOException {
    List<String> commands = new ArrayList<>();
    Matcher block = Pattern.compile("(?s)```sh\n(.*?)```").matcher(Files.readString(README));
    while (block.find()) {
      block.group(1).lines().filter(l -> l.matches("\\S*readonce\\b.*")).forEach(commands::add);
    }
    assertTrue(commands.contains("./readonce"), "the README's sample run is gone: " + commands);
    for (String command : commands) {
      if (!command.equals("./readonce")) {
        assertTrue(
            command.matches(".*\\s--classpath \\S+.*\\ssrc/main/java\\b.*"),
            "this README command checks the bundled sample or lacks the class path: " + command);
      }
    }
  }

  /** The consumer path installs the artifacts; the test suite is the developers' business. */
  @Test
  void installingForTheConsumerPathSkipsTheTests() throws IOException {
    Matcher install =
        Pattern.compile("`mvn [^`]*install -pl checker[^`]*`").matcher(Files.readString(README));
    assertTrue(install.find(), "the README no longer says how to install the checker");
    assertTrue(install.group().contains("-DskipTests"), install.group());
  }

  /** The README's history numbers are checker/docs/history.md's, with what each counts. */
  @Test
  void historyCountsAgreeWithTheHistoryPage() throws IOException {
    String readme = Files.readString(README);
    String history = Files.readString(README.resolveSibling("checker/docs/history.md"));
    Matcher numbers =
        Pattern.compile(
                "\\((\\d+) findings, (\\d+) of them known false positives, no known misses;"
                    + "\\s+counted as the markers count them, one per check and line, where"
                    + " `\\./readonce` counts each\\s+diagnostic and reports (\\d+)")
            .matcher(readme);
    assertTrue(numbers.find(), "the README's history numbers are not where this test looks");
    assertTrue(
        history.contains(numbers.group(1) + " (check, line) pairs"),
        "history.md does not count " + numbers.group(1) + " (check, line) pairs");
    assertTrue(
        history.contains("## Known false positives: " + numbers.group(2)),
        "history.md does not list " + numbers.group(2) + " known false positives");
    assertTrue(
        history.contains("reports " + numbers.group(3) + " findings on the same sources"),
        "history.md does not say the gate reports " + numbers.group(3));
  }

  /** The README's count of the gate's findings on its bundled sample (GateJarTest checks it). */
  static int gateFindingsOnTheSample() throws IOException {
    Matcher reports =
        Pattern.compile("`\\./readonce` counts each\\s+diagnostic and reports (\\d+)")
            .matcher(Files.readString(README));
    assertTrue(reports.find(), "the README no longer gives the gate's count on the sample");
    return Integer.parseInt(reports.group(1));
  }

  private static List<Path> projects() throws IOException {
    try (Stream<Path> dirs = Files.list(PROJECTS)) {
      List<Path> projects =
          // The projects that compile code with ReadOnce as the README sets it up (not, e.g.,
          // checker-runtime-deps, which only resolves the checker's dependencies).
          dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
              .filter(dir -> Files.isDirectory(dir.resolve("src/main/java")))
              .sorted()
              .toList();
      assertFalse(projects.isEmpty(), "no projects under " + PROJECTS);
      return projects;
    }
  }

  /** The fenced block that follows {@code <!-- consumer-build: name -->}, with its last newline. */
  private static String readmeBlock(String name) throws IOException {
    String marker = "<!-- consumer-build: " + name + " -->\n```";
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int at = readme.indexOf(marker);
    assertTrue(at >= 0, "the README has no block marked " + marker.lines().findFirst().get());
    int start = readme.indexOf('\n', at + marker.length()) + 1;
    int end = readme.indexOf("```", start);
    return readme.substring(start, end);
  }

  /** The POM text as invoker filters it: each {@code @name@} replaced by the build's value. */
  private static String filtered(String pom) {
    Matcher token = TOKEN.matcher(pom);
    StringBuilder out = new StringBuilder();
    while (token.find()) {
      String value = System.getProperty(token.group(1));
      if (value == null) {
        fail("no value for the token " + token.group() + "; pass it to surefire like the others");
      }
      token.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return token.appendTail(out).toString();
  }

  /**
   * The first part of {@code wanted} that {@code parent} lacks, as a path (with the wanted value
   * for a leaf), or null if {@code parent} has a child that {@linkplain #matches matches} it.
   */
  private static String lacking(Element parent, Element wanted, String path) {
    String here = path + "/" + wanted.getTagName();
    List<Element> sameName =
        children(parent).stream()
            .filter(child -> child.getTagName().equals(wanted.getTagName()))
            .toList();
    if (sameName.stream().anyMatch(child -> matches(child, wanted))) {
      return null;
    }
    if (sameName.isEmpty() || children(wanted).isEmpty()) {
      return children(wanted).isEmpty() ? here + " = '" + text(wanted) + "'" : here;
    }
    // Explain through the first element of that name: usually the one meant.
    for (Element child : children(wanted)) {
      String deeper = lacking(sameName.get(0), child, here);
      if (deeper != null) {
        return deeper;
      }
    }
    return here + " (elements in another order)";
  }

  /**
   * Whether {@code have} is like {@code wanted}: for a leaf, the same text; otherwise each wanted
   * child matched, in order, by a child of {@code have}, which may have more.
   */
  private static boolean matches(Element have, Element wanted) {
    List<Element> wantedChildren = children(wanted);
    if (wantedChildren.isEmpty()) {
      return wanted.getTagName().equals(UNCOMPARED) || text(have).equals(text(wanted));
    }
    List<Element> haveChildren = children(have);
    int next = 0;
    for (Element child : wantedChildren) {
      while (next < haveChildren.size()
          && !(haveChildren.get(next).getTagName().equals(child.getTagName())
              && matches(haveChildren.get(next), child))) {
        next++;
      }
      if (next == haveChildren.size()) {
        return false;
      }
      next++;
    }
    return true;
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) {
        children.add(child);
      }
    }
    return children;
  }

  private static String text(Element element) {
    return element.getTextContent().strip();
  }

  private static Element parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setIgnoringComments(true);
    return factory
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)))
        .getDocumentElement();
  }
}

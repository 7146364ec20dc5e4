package dev.readonce.consumer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which cell of the test matrix an invoker project ran in — the JDK that ran each of its Maven
 * runs, and the Error Prone release its pom asked for — checked by the verify scripts against the
 * cell the invoker execution stands for.
 */
public final class Cell {

  /** {@code -XshowSettings:properties} (in the projects' MAVEN_OPTS) prints this per JVM. */
  private static final Pattern JAVA_VERSION =
      Pattern.compile("^\\s*java\\.version = (\\S+)\\s*$", Pattern.MULTILINE);

  private static final Pattern ERROR_PRONE_VERSION =
      Pattern.compile("<errorprone\\.version>([^<]+)</errorprone\\.version>");

  private Cell() {}

  /**
   * Fails unless every Maven run of the project ran on JDK {@code javaFeature} and its (filtered)
   * pom compiles with Error Prone {@code errorProne}.
   */
  public static void check(File projectDir, Object javaFeature, Object errorProne) {
    Path dir = projectDir.toPath();
    String log = read(dir.resolve("build.log"));
    List<String> versions =
        JAVA_VERSION.matcher(log).results().map(m -> m.group(1)).toList();
    int runs = BuildLog.parse(log).runs().size();
    if (versions.size() != runs) {
      throw new AssertionError(
          "expected a java.version line per Maven run (" + runs + ") in build.log, found "
              + versions + "; is -XshowSettings:properties in MAVEN_OPTS?");
    }
    for (String version : versions) {
      if (Runtime.Version.parse(version).feature() != Integer.parseInt(javaFeature.toString())) {
        throw new AssertionError(
            "a Maven run of " + dir.getFileName() + " ran on Java " + version
                + ", expected JDK " + javaFeature);
      }
    }
    Matcher pom = ERROR_PRONE_VERSION.matcher(read(dir.resolve("pom.xml")));
    if (!pom.find() || !pom.group(1).equals(errorProne.toString())) {
      throw new AssertionError(
          dir.getFileName() + "/pom.xml does not compile with Error Prone " + errorProne);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

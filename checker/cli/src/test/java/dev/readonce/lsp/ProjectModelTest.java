package dev.readonce.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project model: a pom's source roots and compiler flags, Maven's class path (here from a
 * stand-in for {@code mvn} that writes what it is asked for), the override file, and what each
 * cannot resolve.
 */
class ProjectModelTest {

  private static final String POM =
      """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>g</groupId><artifactId>a</artifactId><version>1</version>
        <properties>
          <errorprone.flags>-Xep:PlainSlotRead:WARN -XepPatchChecks:PlainSlotRead</errorprone.flags>
        </properties>
        <build>
          <plugins>
            <plugin>
              <artifactId>maven-compiler-plugin</artifactId>
              <configuration>
                <release>17</release>
                <compilerArgs>
                  <arg>-XDcompilePolicy=simple</arg>
                  <arg>-Xplugin:ErrorProne ${errorprone.flags} -XepOpt:ReadOnce:Declarations=decls/jdk.decls ${missing.flags}</arg>
                </compilerArgs>
              </configuration>
            </plugin>
          </plugins>
        </build>
      </project>
      """;

  @Test
  void aPomGivesSourceRootsFlagsAndMavensClassPath(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("src/main/java"));
    Files.writeString(dir.resolve("pom.xml"), POM, UTF_8);
    Path mvn = fakeMaven(dir, "printf '/libs/a.jar:/libs/b.jar' > \"$out\"; exit 0");
    Project project = new MavenProjectReader(mvn.toString()).read(dir.resolve("pom.xml"));

    assertEquals(List.of(dir.resolve("src/main/java")), project.sourceRoots());
    assertEquals(List.of(Path.of("/libs/a.jar"), Path.of("/libs/b.jar")), project.classpath());
    assertEquals(
        List.of(
            "--release",
            "17",
            "-Xep:PlainSlotRead:WARN",
            "-XepOpt:ReadOnce:Declarations=" + dir.resolve("decls/jdk.decls")),
        project.options());
    assertEquals(1, project.problems().size(), project.problems().toString());
    assertTrue(project.problems().get(0).contains("cannot resolve ${missing.flags}"));
  }

  @Test
  void aFailingMavenIsSaidAndTheProjectStillChecks(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("pom.xml"), POM.replace(" ${missing.flags}", ""), UTF_8);
    Path mvn =
        fakeMaven(dir, "echo '[ERROR] Could not resolve dependencies for project g:a'; exit 1");
    Project project = new MavenProjectReader(mvn.toString()).read(dir.resolve("pom.xml"));
    assertEquals(List.of(), project.classpath());
    assertEquals(1, project.problems().size(), project.problems().toString());
    assertTrue(
        project
            .problems()
            .get(0)
            .contains("Maven could not compute the class path ([ERROR] Could not resolve"),
        project.problems().get(0));
  }

  @Test
  void theOverrideFileWinsOverThePom(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("pom.xml"), POM, UTF_8);
    Files.writeString(dir.resolve("cp.txt"), "lib/x.jar:lib/y.jar\n", UTF_8);
    Files.writeString(
        dir.resolve(OverrideFile.NAME),
        """
        {"sourceRoots": ["src"], "classpathFile": "cp.txt", "options": ["-Xep:UnlockedReread:WARN"],
         "declarations": ["jdk.decls"], "docsBaseUrl": "https://docs.example.org/"}
        """,
        UTF_8);
    Path mvn = fakeMaven(dir, "exit 1");
    Project project =
        new Projects(new MavenProjectReader(mvn.toString())).forFile(dir.resolve("src/p/A.java"));
    assertEquals(List.of(dir.resolve("src")), project.sourceRoots());
    assertEquals(List.of(dir.resolve("lib/x.jar"), dir.resolve("lib/y.jar")), project.classpath());
    assertEquals(
        List.of(
            "-Xep:UnlockedReread:WARN",
            "-XepOpt:ReadOnce:Declarations=" + dir.resolve("jdk.decls"),
            "-XepOpt:ReadOnce:DocsBaseUrl=https://docs.example.org/"),
        project.options());
    assertEquals(List.of(), project.problems());
  }

  @Test
  void theModelIsCachedUntilThePomChanges(@TempDir Path dir) throws Exception {
    Path pom = dir.resolve("pom.xml");
    Files.writeString(pom, POM.replace(" ${missing.flags}", ""), UTF_8);
    Path calls = dir.resolve("calls");
    Path mvn = fakeMaven(dir, "echo run >> '" + calls + "'; printf '' > \"$out\"");
    Projects projects = new Projects(new MavenProjectReader(mvn.toString()));
    Path file = dir.resolve("src/main/java/A.java");

    Project first = projects.forFile(file);
    assertSame(first, projects.forFile(file));
    assertEquals(1, Files.readAllLines(calls).size());

    Files.writeString(pom, POM.replace(" ${missing.flags}", "").replace("17", "21"), UTF_8);
    Files.setLastModifiedTime(
        pom, FileTime.fromMillis(Files.getLastModifiedTime(pom).toMillis() + 2000));
    Project second = projects.forFile(file);
    assertEquals(List.of("--release", "21"), second.options().subList(0, 2));
    assertEquals(2, Files.readAllLines(calls).size());
  }

  @Test
  void aBrokenOverrideFileIsSaidNamingTheFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(OverrideFile.NAME), "{\"sourceRoots\": [", UTF_8);
    Project project = OverrideFile.read(dir.resolve(OverrideFile.NAME));
    assertEquals(List.of(), project.sourceRoots());
    assertTrue(
        project.problems().get(0).startsWith(dir.resolve(OverrideFile.NAME) + ": cannot read it"),
        project.problems().toString());
  }

  @Test
  void noProjectMeansTheFileIsCheckedAlone() {
    Project project =
        new Projects(new MavenProjectReader("mvn")).forFile(Path.of("/").resolve("A.java"));
    assertTrue(project.problems().get(0).startsWith("no pom.xml or .readonce-lsp.json above"));
  }

  /** A stand-in for {@code mvn}: finds -Dmdep.outputFile=..., then runs {@code body}. */
  private static Path fakeMaven(Path dir, String body) throws Exception {
    Path script = dir.resolve("fake-mvn");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "out=\n"
            + "for a in \"$@\"; do case \"$a\" in -Dmdep.outputFile=*)"
            + " out=${a#-Dmdep.outputFile=};; esac; done\n"
            + body
            + "\n",
        UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}

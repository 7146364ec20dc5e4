package dev.readonce.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the project of a file (the nearest directory above it with a {@code .readonce-lsp.json},
 * which wins, or a {@code pom.xml}) and caches its model until that file changes.
 */
final class Projects {

  private final MavenProjectReader maven;
  private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

  Projects(MavenProjectReader maven) {
    this.maven = maven;
  }

  Project forFile(Path file) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path override = d.resolve(OverrideFile.NAME);
      if (Files.isRegularFile(override)) {
        return cached(override, () -> OverrideFile.read(override));
      }
      Path pom = d.resolve("pom.xml");
      if (Files.isRegularFile(pom)) {
        return cached(pom, () -> maven.read(pom));
      }
    }
    return Project.alone(
        dir,
        "no pom.xml or "
            + OverrideFile.NAME
            + " above "
            + file
            + ": checking it alone, against the JDK and the ReadOnce annotations");
  }

  /** Forgets a model, e.g. when the client reports its file changed. */
  void invalidate(Path modelFile) {
    cache.remove(modelFile.toAbsolutePath().normalize());
  }

  private Project cached(Path modelFile, java.util.function.Supplier<Project> read) {
    Path key = modelFile.toAbsolutePath().normalize();
    Optional<FileTime> stamp = modified(key);
    Cached hit = cache.get(key);
    if (hit != null && hit.stamp().equals(stamp)) {
      return hit.project();
    }
    Project project = read.get();
    cache.put(key, new Cached(project, stamp));
    return project;
  }

  private static Optional<FileTime> modified(Path file) {
    try {
      return Optional.of(Files.getLastModifiedTime(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private record Cached(Project project, Optional<FileTime> stamp) {}
}

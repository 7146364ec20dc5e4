package dev.readonce.gate;

import java.net.URI;
import java.nio.file.Path;

/**
 * Names files the way reports and fingerprints need them: relative to the repository root with
 * {@code /} separators, so that they match on any checkout of the repository.
 */
final class RepoPaths {

  private final Path root;

  /** {@code root} must be a real (symlink-free) absolute path, as the source files are. */
  RepoPaths(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** The root as a {@code file:} URI ending in {@code /}, as SARIF's base URIs must. */
  URI rootUri() {
    String uri = root.toUri().toString();
    return URI.create(uri.endsWith("/") ? uri : uri + "/");
  }

  boolean contains(Path file) {
    return file.startsWith(root);
  }

  /** The file relative to the root, or its absolute {@code file:} URI when it lies outside. */
  String name(Path file) {
    if (!contains(file)) {
      return file.toUri().toString();
    }
    StringBuilder name = new StringBuilder();
    for (Path part : root.relativize(file)) {
      if (name.length() > 0) {
        name.append('/');
      }
      name.append(part);
    }
    return name.toString();
  }

  /** For messages: relative to the root when inside it, else the absolute path. */
  String display(Path file) {
    return contains(file) ? name(file) : file.toString();
  }
}

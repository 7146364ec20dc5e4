package dev.readonce.gate;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes output files so that none is ever left half-written: each is written to a temporary file
 * in its target's directory, and only when every output is written are they moved into place, each
 * atomically. Closing deletes whatever was staged but not committed.
 */
final class OutputFiles implements AutoCloseable {

  private final Map<Path, Path> staged = new LinkedHashMap<>();

  /** Fails early, before any work, when {@code target} cannot be written. */
  static void checkWritable(Path target) throws BadInputException {
    Path file = target.toAbsolutePath().normalize();
    Path dir = file.getParent();
    if (Files.isDirectory(file)) {
      throw new BadInputException("cannot write " + target + ": it is a directory");
    }
    if (dir == null) {
      throw new BadInputException("cannot write " + target + ": not a file name");
    }
    if (!Files.isDirectory(dir)) {
      Path existing = dir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null && !Files.isDirectory(existing)) {
        throw new BadInputException(
            "cannot write " + target + ": " + existing + " is a file, not a directory");
      }
      throw new BadInputException(
          "cannot write " + target + ": directory " + dir + " does not exist");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new BadInputException("cannot write " + target + ": the file is read-only");
    }
    // Create (and delete) the kind of temporary file the report goes through: Files.isWritable
    // says yes to root everywhere, and knows nothing of read-only mounts or of /proc.
    try {
      Files.delete(Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp"));
    } catch (IOException e) {
      throw new BadInputException(
          "cannot write " + target + ": cannot create files in " + dir + ": " + whyNot(e), e);
    }
  }

  /** Why a file could not be created in a directory that exists. */
  private static String whyNot(IOException e) {
    if (e instanceof NoSuchFileException) {
      // ENOENT for a directory that exists: a pseudo file system such as /proc.
      return "the file system there does not allow new files";
    }
    return TextFiles.reason(e);
  }

  /** Writes {@code content} next to {@code target}, to be moved into place by {@link #commit}. */
  void stage(Path target, String content) throws BadInputException {
    Path file = target.toAbsolutePath().normalize();
    try {
      Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
      staged.put(file, temp);
      Files.writeString(temp, content, UTF_8);
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        // Temporary files are created owner-only; a report is as readable as any other file.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
    } catch (IOException e) {
      throw new BadInputException("cannot write " + target + ": " + TextFiles.reason(e), e);
    }
  }

  /** Moves every staged file into place. */
  void commit() throws BadInputException {
    for (Map.Entry<Path, Path> entry : Map.copyOf(staged).entrySet()) {
      Path target = entry.getKey();
      try {
        try {
          Files.move(
              entry.getValue(),
              target,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(entry.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        staged.remove(target);
      } catch (IOException e) {
        throw new BadInputException("cannot write " + target + ": " + TextFiles.reason(e), e);
      }
    }
  }

  @Override
  public void close() {
    for (Path temp : staged.values()) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // Best effort: the temporary name starts with a dot and ends in .tmp.
      }
    }
    staged.clear();
  }
}

package dev.readonce.gate;

import dev.readonce.annotations.ReadOnce;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * The ReadOnce annotations as a class path entry for the analysed code: their classes directory
 * when the gate runs from a build tree, or, when it runs from its shaded jar, just the annotations'
 * classes copied out of it — so the analysed code does not see the gate's own libraries (Guava,
 * Error Prone, …) as if they were on its class path.
 */
public final class BundledAnnotations {

  private static final String PACKAGE = ReadOnce.class.getPackageName().replace('.', '/') + "/";

  private BundledAnnotations() {}

  /** A class path entry holding the annotations; {@code scratch} is used if they must be copied. */
  public static Path classpathEntry(Path scratch) throws IOException {
    Path location;
    try {
      location =
          Path.of(ReadOnce.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the ReadOnce annotations", e);
    }
    if (Files.isDirectory(location)) {
      return location;
    }
    Path classes = Files.createDirectories(scratch.resolve("readonce-annotations"));
    try (InputStream file = Files.newInputStream(location);
        JarInputStream jar = new JarInputStream(file)) {
      for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
        String name = entry.getName();
        if (name.startsWith(PACKAGE) && name.endsWith(".class") && !name.contains("..")) {
          Path target = classes.resolve(name);
          Files.createDirectories(target.getParent());
          Files.copy(jar, target);
        }
      }
    }
    return classes;
  }
}

package dev.readonce.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The gate's name, version (the Maven project version, filtered into {@code gate.properties} at
 * build time) and home page, for {@code --version} and for the reports.
 */
final class GateVersion implements IVersionProvider {

  static final String TOOL_NAME = "ReadOnce";

  private static final Properties PROPERTIES = load();

  static String version() {
    return PROPERTIES.getProperty("version", "unknown");
  }

  static String informationUri() {
    return PROPERTIES.getProperty("informationUri", "").strip();
  }

  @Override
  public String[] getVersion() {
    return new String[] {TOOL_NAME + " review gate " + version()};
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = GateVersion.class.getResourceAsStream("gate.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}

package dev.readonce.bench.compile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options. */
public final class Args {

  private final Map<String, String> values = new HashMap<>();

  public Args(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      values.put(args[i].substring(2), args[++i]);
    }
  }

  public String string(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return v;
  }

  public String string(String name, String absent) {
    return values.getOrDefault(name, absent);
  }

  public int integer(String name, int absent) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : absent;
  }

  public long longValue(String name, long absent) {
    return values.containsKey(name) ? Long.parseLong(values.get(name)) : absent;
  }

  public Path path(String name) {
    return Path.of(string(name));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }
}

package dev.readonce.realcode.mutation;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a class's declarations say, in the terms the mutation operators need: which fields are
 * slots, which methods read them, write them, take snapshots, and descend. Read from the same
 * declarations files the checks get (by simple member name: the operators work on syntax).
 *
 * @param slotFields the simple names of declared slot fields, each with the simple names of the
 *     classes that declare it as a slot
 * @param accessors methods declared as one read of a slot
 * @param modifiers methods declared to write a slot with its lock held
 * @param snapshotParams method name to the index of its declared snapshot parameter
 * @param descents methods declared to descend from a snapshot
 * @param holding methods declared to run with a lock their callers hold ({@code holding}), as
 *     {@code name/arity} (overloads differ: COWAL's {@code bulkRemove(filter)} takes the lock,
 *     {@code bulkRemove(filter, i, end)} runs under it): their whole body is a lock region
 */
public record SlotModel(
    Map<String, Set<String>> slotFields,
    Set<String> accessors,
    Set<String> modifiers,
    Map<String, Integer> snapshotParams,
    Set<String> descents,
    Set<String> holding) {

  /** The number of parameters a declared member lists ({@code m(a, b)}: 2). */
  static int arity(String member) {
    int open = member.indexOf('(');
    int close = member.indexOf(')');
    if (open < 0 || close < open) {
      return 0;
    }
    String params = member.substring(open + 1, close).strip();
    return params.isEmpty() ? 0 : params.split(",").length;
  }

  /** Reads the declarations files. */
  public static SlotModel read(List<Path> declarations) throws IOException {
    Map<String, Set<String>> fields = new HashMap<>();
    Set<String> accessors = new HashSet<>();
    Set<String> modifiers = new HashSet<>();
    Map<String, Integer> snapshots = new HashMap<>();
    Set<String> descents = new HashSet<>();
    Set<String> holding = new HashSet<>();
    for (Path file : declarations) {
      for (String raw : Files.readAllLines(file, UTF_8)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] words = line.split("\\s+", 2);
        String rest = words.length > 1 ? words[1] : "";
        String member = rest.substring(rest.indexOf('#') + 1);
        int paren = member.indexOf('(');
        String name = (paren < 0 ? member.split("\\s+", 2)[0] : member.substring(0, paren)).strip();
        switch (words[0]) {
          case "slot" -> {
            String owner = rest.substring(0, rest.indexOf('#'));
            fields
                .computeIfAbsent(name, k -> new HashSet<>())
                .add(owner.substring(owner.lastIndexOf('.') + 1));
          }
          case "accessor" -> accessors.add(name);
          case "modifies-slot" -> {
            if (line.matches(".*\\brequiresLock(\\s|=true|$).*")) {
              modifiers.add(name);
            }
          }
          case "snapshot" -> {
            java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("param=(\\d+)").matcher(line);
            if (m.find()) {
              snapshots.put(name, Integer.parseInt(m.group(1)));
            }
          }
          case "descends" -> descents.add(name);
          case "holding" -> holding.add(name + "/" + arity(member));
          default -> {}
        }
      }
    }
    return new SlotModel(
        Map.copyOf(fields),
        Set.copyOf(accessors),
        Set.copyOf(modifiers),
        Map.copyOf(snapshots),
        Set.copyOf(descents),
        Set.copyOf(holding));
  }
}

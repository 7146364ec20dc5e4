package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.readonce.annotations.PointerTest.Shows;
import dev.readonce.annotations.ReadOnce;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import org.jspecify.annotations.Nullable;

/**
 * Parses declarations files (the format is documented in {@code checker/docs/declarations.md}):
 *
 * <pre>
 *   # comment
 *   &lt;kind&gt; &lt;member&gt; [key=value | key] ...
 * </pre>
 *
 * A malformed line becomes a {@link DeclaredProblem} naming its file and line; the other lines
 * still parse, so one run reports every malformed line.
 */
final class DeclarationsParser {

  /** The kinds of entry: keyword, member shape, and keys (with the required ones). */
  private enum Kind {
    SLOT(
        "slot",
        DeclaredMember.Shape.FIELD,
        keys("lock", "stableAfterPointer", "reference"),
        keys()),
    ACCESSOR(
        "accessor",
        DeclaredMember.Shape.METHOD,
        keys("lock", "stableAfterPointer", "atomic"),
        keys()),
    STABLE_HANDLE("stable-handle", DeclaredMember.Shape.CLASS, keys(), keys()),
    LOCKS_SLOT("locks-slot", DeclaredMember.Shape.METHOD, keys("slot"), keys()),
    REVALIDATES("revalidates", DeclaredMember.Shape.METHOD, keys(), keys()),
    DESCENDS("descends", DeclaredMember.Shape.METHOD, keys("snapshot"), keys()),
    POINTER_TEST("pointer-test", DeclaredMember.Shape.METHOD, keys("shows"), keys("shows")),
    MODIFIES_SLOT(
        "modifies-slot", DeclaredMember.Shape.METHOD, keys("slot", "requiresLock"), keys()),
    SNAPSHOT("snapshot", DeclaredMember.Shape.METHOD, keys("param", "slot"), keys("param")),
    LOCK_HELD("lock-held", DeclaredMember.Shape.METHOD, keys("param"), keys("param")),
    HOLDING("holding", DeclaredMember.Shape.METHOD, keys("lock"), keys("lock")),
    ACQUIRES_LOCK("acquires-lock", DeclaredMember.Shape.METHOD, keys("lock"), keys("lock")),
    RELEASES_LOCK("releases-lock", DeclaredMember.Shape.METHOD, keys("lock"), keys("lock")),
    RACY_HINT("racy-hint", DeclaredMember.Shape.METHOD, keys("field"), keys("field")),
    VALIDATES_HINT(
        "validates-hint",
        DeclaredMember.Shape.METHOD,
        keys("param", "field"),
        keys("param", "field")),
    SINGLE_WRITER("single-writer", DeclaredMember.Shape.METHOD, keys("slot"), keys("slot")),
    FILLED_UNDER_LOCK_OF(
        "filled-under-lock-of",
        DeclaredMember.Shape.METHOD,
        keys("param", "of"),
        keys("param", "of"));

    final String keyword;
    final DeclaredMember.Shape shape;
    final ImmutableSet<String> keys;
    final ImmutableSet<String> required;

    Kind(
        String keyword,
        DeclaredMember.Shape shape,
        ImmutableSet<String> keys,
        ImmutableSet<String> required) {
      this.keyword = keyword;
      this.shape = shape;
      this.keys = keys;
      this.required = required;
    }

    static @Nullable Kind of(String keyword) {
      for (Kind k : values()) {
        if (k.keyword.equals(keyword)) {
          return k;
        }
      }
      return null;
    }

    static String all() {
      return Arrays.stream(values()).map(k -> k.keyword).collect(Collectors.joining(", "));
    }
  }

  private static final ImmutableSet<String> BOOLEAN_KEYS =
      ImmutableSet.of("stableAfterPointer", "atomic", "requiresLock", "reference");

  private static ImmutableSet<String> keys(String... keys) {
    return ImmutableSet.copyOf(keys);
  }

  /** A malformed line: the message says what is wrong. */
  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private final List<String> files = new ArrayList<>();
  private final List<DeclaredEntry> entries = new ArrayList<>();
  private final List<DeclaredProblem> problems = new ArrayList<>();

  /** The first origin of each kind-and-member, to report duplicates across files. */
  private final Map<String, DeclaredOrigin> seen = new HashMap<>();

  void read(Path file) {
    String text;
    files.add(file.toString());
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      problems.add(
          DeclaredProblem.error(
              new DeclaredOrigin(file.toString(), 0),
              "cannot read the declarations file: " + whyUnreadable(file, e)));
      return;
    }
    parse(file.toString(), text);
  }

  /** What is wrong with a file that could not be read, in words rather than an exception name. */
  private static String whyUnreadable(Path file, Exception e) {
    if (Files.isDirectory(file)) {
      return "it is a directory, not a file";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text (is it a binary file?)";
    }
    return e.toString();
  }

  void parse(String file, String text) {
    if (!files.contains(file)) {
      files.add(file);
    }
    // Editors on Windows may start a UTF-8 file with a byte order mark; it is not part of a kind.
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = body.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      DeclaredOrigin origin = new DeclaredOrigin(file, i + 1);
      try {
        DeclaredEntry entry = line(origin, lines[i]);
        if (entry != null) {
          entries.add(entry);
        }
      } catch (Malformed e) {
        problems.add(DeclaredProblem.error(origin, e.getMessage()));
      }
    }
  }

  Declarations result() {
    return new Declarations(
        ImmutableList.copyOf(files), ImmutableList.copyOf(entries), ImmutableList.copyOf(problems));
  }

  /** One line: null for a blank or comment line. */
  private @Nullable DeclaredEntry line(DeclaredOrigin origin, String line) throws Malformed {
    List<String> tokens = tokenize(line);
    if (tokens.isEmpty()) {
      return null;
    }
    Kind kind = Kind.of(tokens.get(0));
    if (kind == null) {
      throw new Malformed("unknown kind '" + tokens.get(0) + "'; expected one of: " + Kind.all());
    }
    if (tokens.size() < 2) {
      throw new Malformed("missing member after '" + kind.keyword + "'");
    }
    DeclaredMember member;
    try {
      member = DeclaredMember.parse(tokens.get(1));
    } catch (IllegalArgumentException e) {
      throw new Malformed("bad member '" + tokens.get(1) + "': " + e.getMessage());
    }
    if (member.shape() != kind.shape) {
      throw new Malformed(
          "'"
              + kind.keyword
              + "' needs "
              + kind.shape.description()
              + ", not '"
              + tokens.get(1)
              + "'");
    }
    Map<String, String> options = options(kind, tokens.subList(2, tokens.size()));
    DeclaredEntry entry = entry(kind, origin, member, options);
    String identity =
        kind.keyword
            + " "
            + member
            + (entry instanceof DeclaredEntry.Snapshot s ? " param=" + s.parameter() : "")
            + (entry instanceof DeclaredEntry.LockHeld h ? " param=" + h.parameter() : "")
            + (entry instanceof DeclaredEntry.Hint h ? HintEntries.identity(h) : "")
            + (entry instanceof DeclaredEntry.FilledUnderLockOf f ? " param=" + f.parameter() : "");
    DeclaredOrigin first = seen.putIfAbsent(identity, origin);
    if (first != null) {
      throw new Malformed("duplicate declaration '" + identity + "', first declared at " + first);
    }
    return entry;
  }

  private static DeclaredEntry entry(
      Kind kind, DeclaredOrigin origin, DeclaredMember member, Map<String, String> options)
      throws Malformed {
    return switch (kind) {
      case SLOT ->
          new DeclaredEntry.Slot(
              origin,
              member,
              new SlotDecl(
                  lock(options),
                  bool(options, "stableAfterPointer", false),
                  bool(options, "reference", false)));
      case ACCESSOR ->
          new DeclaredEntry.Accessor(
              origin,
              member,
              new AccessorDecl(
                  new SlotDecl(lock(options), bool(options, "stableAfterPointer", false)),
                  bool(options, "atomic", true)));
      case STABLE_HANDLE -> new DeclaredEntry.StableHandle(origin, member);
      case LOCKS_SLOT ->
          new DeclaredEntry.LocksSlot(
              origin, member, slotParams(options, member, SlotParams.RECEIVER));
      case REVALIDATES -> new DeclaredEntry.Revalidates(origin, member);
      case DESCENDS ->
          new DeclaredEntry.Descends(
              origin,
              member,
              options.containsKey("snapshot")
                  ? index(options.get("snapshot"), "snapshot", member)
                  : 0);
      case POINTER_TEST ->
          new DeclaredEntry.PointerTest(origin, member, shows(options.get("shows")));
      case MODIFIES_SLOT ->
          new DeclaredEntry.ModifiesSlot(
              origin,
              member,
              new ModifiesDecl(
                  slotParams(options, member, SlotParams.RECEIVER),
                  bool(options, "requiresLock", false)));
      case SNAPSHOT ->
          new DeclaredEntry.Snapshot(
              origin,
              member,
              index(options.get("param"), "param", member),
              slotParams(options, member, SlotParams.NONE));
      case LOCK_HELD ->
          new DeclaredEntry.LockHeld(origin, member, index(options.get("param"), "param", member));
      case HOLDING ->
          new DeclaredEntry.LockNames(
              origin, member, DeclaredEntry.LockNames.Use.HOLDING, lockNames(options));
      case ACQUIRES_LOCK ->
          new DeclaredEntry.LockNames(
              origin, member, DeclaredEntry.LockNames.Use.ACQUIRES, lockNames(options));
      case RELEASES_LOCK ->
          new DeclaredEntry.LockNames(
              origin, member, DeclaredEntry.LockNames.Use.RELEASES, lockNames(options));
      case RACY_HINT -> new DeclaredEntry.Hint(origin, member, -1, hintField(options));
      case VALIDATES_HINT ->
          new DeclaredEntry.Hint(
              origin, member, index(options.get("param"), "param", member), hintField(options));
      case SINGLE_WRITER -> new DeclaredEntry.SingleWriter(origin, member, slotNames(options));
      case FILLED_UNDER_LOCK_OF -> filledUnderLockOf(origin, member, options);
    };
  }

  /** {@code param=} and {@code of=}: two different parameters (their types are checked later). */
  private static DeclaredEntry filledUnderLockOf(
      DeclaredOrigin origin, DeclaredMember member, Map<String, String> options) throws Malformed {
    int param = index(options.get("param"), "param", member);
    int of = index(options.get("of"), "of", member);
    if (param == of) {
      throw new Malformed(
          "'param' and 'of' are both parameter "
              + param
              + "; an array is filled under the lock of a slot of another array parameter");
    }
    return new DeclaredEntry.FilledUnderLockOf(origin, member, param, of);
  }

  /** The {@code key=value} options, checked against the kind's keys. */
  private static Map<String, String> options(Kind kind, List<String> tokens) throws Malformed {
    Map<String, String> options = new LinkedHashMap<>();
    for (String token : tokens) {
      int eq = token.indexOf('=');
      String key = eq < 0 ? token : token.substring(0, eq);
      if (!kind.keys.contains(key)) {
        throw new Malformed(
            "unknown key '"
                + key
                + "' for '"
                + kind.keyword
                + "'; "
                + (kind.keys.isEmpty()
                    ? "it takes no keys"
                    : "expected one of: " + String.join(", ", kind.keys)));
      }
      String value;
      if (eq < 0) {
        if (!BOOLEAN_KEYS.contains(key)) {
          throw new Malformed("key '" + key + "' needs a value (" + key + "=...)");
        }
        value = "true";
      } else {
        value = unquote(token.substring(eq + 1));
      }
      if (options.put(key, value) != null) {
        throw new Malformed("key '" + key + "' given twice");
      }
    }
    for (String key : kind.required) {
      if (!options.containsKey(key)) {
        throw new Malformed("'" + kind.keyword + "' needs the key '" + key + "'");
      }
    }
    return options;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static boolean bool(Map<String, String> options, String key, boolean absent)
      throws Malformed {
    String value = options.get(key);
    if (value == null) {
      return absent;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new Malformed(
              "bad value '" + value + "' for '" + key + "'; expected true or false");
    };
  }

  private static LockSpec lock(Map<String, String> options) throws Malformed {
    String lock = options.getOrDefault("lock", "");
    if (lock.isEmpty()
        || lock.equals(ReadOnce.HELD_VALUE)
        || lock.equals("this")
        || (SourceVersion.isIdentifier(lock) && !SourceVersion.isKeyword(lock))) {
      return LockSpec.parse(lock);
    }
    throw new Malformed(
        "bad lock '"
            + lock
            + "'; expected a field name, this, "
            + ReadOnce.HELD_VALUE
            + ", or nothing (lock taken only through locks-slot methods)");
  }

  /** {@code lock=a,b}: comma-separated lock names, each {@code this} or a field name. */
  private static ImmutableList<String> lockNames(Map<String, String> options) throws Malformed {
    String value = options.get("lock");
    List<String> names = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String name = part.strip();
      if (!name.equals("this")
          && !(SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name))) {
        throw new Malformed(
            "bad lock '"
                + name
                + "' in '"
                + value
                + "'; expected this or field names, comma-separated");
      }
      if (names.contains(name)) {
        throw new Malformed("lock '" + name + "' repeated in 'lock'");
      }
      names.add(name);
    }
    return ImmutableList.copyOf(names);
  }

  /** {@code field=head}: the name of the slot field a hint contract is about. */
  private static String hintField(Map<String, String> options) throws Malformed {
    String problem = HintEntries.badField(options.get("field"));
    if (problem != null) {
      throw new Malformed(problem);
    }
    return options.get("field");
  }

  /** {@code slot=a,b} of {@code single-writer}: comma-separated field names. */
  private static ImmutableList<String> slotNames(Map<String, String> options) throws Malformed {
    String value = options.get("slot");
    List<String> names = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String name = part.strip();
      if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
        throw new Malformed(
            "bad slot '"
                + name
                + "' in '"
                + value
                + "'; expected field names of the method's class, comma-separated");
      }
      if (names.contains(name)) {
        throw new Malformed("slot '" + name + "' repeated in 'slot'");
      }
      names.add(name);
    }
    return ImmutableList.copyOf(names);
  }

  private static Shows shows(String value) throws Malformed {
    for (Shows s : Shows.values()) {
      if (s.name().equals(value)) {
        return s;
      }
    }
    throw new Malformed(
        "bad shows value '"
            + value
            + "'; expected one of: "
            + Arrays.stream(Shows.values()).map(Enum::name).collect(Collectors.joining(", ")));
  }

  private static SlotParams slotParams(
      Map<String, String> options, DeclaredMember member, SlotParams absent) throws Malformed {
    String value = options.get("slot");
    if (value == null) {
      return absent;
    }
    List<Integer> indices = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      int index = index(part.strip(), "slot", member);
      if (indices.contains(index)) {
        throw new Malformed("parameter index " + index + " repeated in 'slot'");
      }
      indices.add(index);
    }
    return new SlotParams(ImmutableList.copyOf(indices));
  }

  /** A 0-based parameter index, within the member's parameter list. */
  private static int index(String value, String key, DeclaredMember member) throws Malformed {
    int index;
    try {
      index = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new Malformed(
          "bad parameter index '" + value + "' for '" + key + "'; expected a 0-based number");
    }
    if (index < 0 || index >= member.arity()) {
      throw new Malformed(
          "bad parameter index "
              + index
              + " for '"
              + key
              + "': "
              + member.name()
              + " has "
              + member.arity()
              + (member.arity() == 1 ? " parameter" : " parameters")
              + " (indices start at 0)");
    }
    return index;
  }

  /**
   * Splits a line into whitespace-separated tokens, keeping together what is inside parentheses (a
   * parameter list), quotes ({@code lock=""}) and angle brackets ({@code <held value>}). A {@code
   * #} that starts a token starts a comment; one inside a token separates class and member.
   */
  static List<String> tokenize(String line) throws Malformed {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = null;
    int parens = 0;
    char closer = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (closer != 0) {
        current.append(c);
        if (c == closer) {
          closer = 0;
        }
        continue;
      }
      if (parens == 0 && Character.isWhitespace(c)) {
        if (current != null) {
          tokens.add(current.toString());
          current = null;
        }
        continue;
      }
      if (current == null) {
        if (c == '#') {
          break;
        }
        current = new StringBuilder();
      }
      switch (c) {
        case '"' -> closer = '"';
        case '<' -> closer = '>';
        case '(' -> parens++;
        case ')' -> {
          if (--parens < 0) {
            throw new Malformed("unbalanced ')'");
          }
        }
        default -> {}
      }
      current.append(c);
    }
    if (closer != 0) {
      throw new Malformed(closer == '"' ? "unterminated '\"'" : "unterminated '<'");
    }
    if (parens != 0) {
      throw new Malformed("unbalanced '('");
    }
    if (current != null) {
      tokens.add(current.toString());
    }
    return tokens;
  }
}

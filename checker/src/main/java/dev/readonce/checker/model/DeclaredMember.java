package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;
import org.jspecify.annotations.Nullable;

/**
 * A class, field or method named in a declarations file: {@code a.b.Outer.Inner}, {@code
 * a.b.Map#table}, {@code a.b.Map#tabAt(a.b.Map.Node[], int)}.
 *
 * <p>Class names are canonical (dots between nested classes, as in source, never {@code $});
 * parameter types are erased (no type arguments), primitive, or arrays of those ({@code T...} is
 * {@code T[]}). A type name without a package, other than a primitive, names a class of {@code
 * java.lang}.
 *
 * @param owner the canonical name of the class (the class itself, for a class member)
 * @param name the field or method name; null for a class
 * @param parameterTypes the method's parameter types as written (normalized); null for a field or
 *     class
 */
public record DeclaredMember(
    String owner, @Nullable String name, @Nullable ImmutableList<String> parameterTypes) {

  /** What a member names. */
  public enum Shape {
    CLASS("a class (pkg.Class)"),
    FIELD("a field (pkg.Class#field)"),
    METHOD("a method (pkg.Class#method(type, ...))");

    private final String description;

    Shape(String description) {
      this.description = description;
    }

    /** The shape in words, with its syntax, for messages. */
    public String description() {
      return description;
    }
  }

  private static final ImmutableList<String> PRIMITIVES =
      ImmutableList.of("boolean", "byte", "short", "char", "int", "long", "float", "double");

  public Shape shape() {
    if (name == null) {
      return Shape.CLASS;
    }
    return parameterTypes == null ? Shape.FIELD : Shape.METHOD;
  }

  /**
   * Parses a member reference.
   *
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  public static DeclaredMember parse(String text) {
    int hash = text.indexOf('#');
    if (hash < 0) {
      requireClassName(text, "class name");
      return new DeclaredMember(text, null, null);
    }
    String owner = text.substring(0, hash);
    requireClassName(owner, "class name");
    String rest = text.substring(hash + 1);
    int open = rest.indexOf('(');
    if (open < 0) {
      requireIdentifier(rest, "field name");
      return new DeclaredMember(owner, rest, null);
    }
    if (!rest.endsWith(")") || rest.indexOf(')') != rest.length() - 1) {
      throw new IllegalArgumentException("expected ')' at the end of the parameter list");
    }
    String name = rest.substring(0, open);
    requireIdentifier(name, "method name");
    String list = rest.substring(open + 1, rest.length() - 1).strip();
    List<String> types = new ArrayList<>();
    if (!list.isEmpty()) {
      for (String type : list.split(",", -1)) {
        types.add(parseType(type.strip()));
      }
    }
    return new DeclaredMember(owner, name, ImmutableList.copyOf(types));
  }

  /** A parameter type, normalized: varargs become arrays. */
  private static String parseType(String type) {
    if (type.isEmpty()) {
      throw new IllegalArgumentException("empty parameter type");
    }
    if (type.indexOf('<') >= 0) {
      throw new IllegalArgumentException(
          "type arguments are not allowed in '" + type + "'; write the erased type");
    }
    String base = type.replace(" ", "");
    int dims = 0;
    if (base.endsWith("...")) {
      base = base.substring(0, base.length() - 3);
      dims++;
    }
    while (base.endsWith("[]")) {
      base = base.substring(0, base.length() - 2);
      dims++;
    }
    if (!PRIMITIVES.contains(base)) {
      requireClassName(base, "parameter type");
    }
    return base + "[]".repeat(dims);
  }

  private static void requireClassName(String text, String what) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("missing " + what);
    }
    if (text.indexOf('$') >= 0) {
      // A binary name (Outer$Inner) may load a class symbol apart from the member class.
      throw new IllegalArgumentException(
          "write nested classes with dots (Outer.Inner), not '$', in '" + text + "'");
    }
    for (String part : text.split("\\.", -1)) {
      if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part)) {
        throw new IllegalArgumentException("'" + text + "' is not a valid " + what);
      }
    }
  }

  private static void requireIdentifier(String text, String what) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("missing " + what);
    }
    if (!SourceVersion.isIdentifier(text) || SourceVersion.isKeyword(text)) {
      throw new IllegalArgumentException("'" + text + "' is not a valid " + what);
    }
  }

  /** The number of parameters of a method; -1 for a field or class. */
  public int arity() {
    return parameterTypes == null ? -1 : parameterTypes.size();
  }

  /** The member as it is written in a declarations file, normalized. */
  @Override
  public String toString() {
    if (name == null) {
      return owner;
    }
    if (parameterTypes == null) {
      return owner + "#" + name;
    }
    return owner + "#" + name + "(" + String.join(", ", parameterTypes) + ")";
  }
}

package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.util.List;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Pair;
import java.util.Optional;

/** Reads ReadOnce annotations and their element values off javac symbols. */
final class AnnotationValues {

  static final String PACKAGE = "dev.readonce.annotations.";

  private AnnotationValues() {}

  /** The annotation of the given simple name from the ReadOnce package, if present. */
  static Optional<Attribute.Compound> find(Symbol symbol, String simpleName) {
    List<Attribute.Compound> annotations = symbol.getRawAttributes();
    if (annotations.isEmpty()) {
      return Optional.empty();
    }
    // The name is looked up once in javac's name table and compared with each annotation's name
    // as a Name: a javac Name turned into a String is decoded anew on every call.
    Name wanted = null;
    for (Attribute.Compound a : annotations) {
      Symbol type = a.type.tsym;
      if (type == null) {
        continue;
      }
      Name name = type.getSimpleName();
      if (wanted == null || wanted.table != name.table) {
        wanted = name.table.fromString(simpleName);
      }
      if (name.equals(wanted) && type.getQualifiedName().contentEquals(PACKAGE + simpleName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Whether the symbol carries any annotation from the ReadOnce package. */
  static boolean hasAny(Symbol symbol) {
    for (Attribute.Compound a : symbol.getRawAttributes()) {
      Symbol type = a.type.tsym;
      if (type != null && type.getQualifiedName().toString().startsWith(PACKAGE)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Attribute> element(Attribute.Compound annotation, String name) {
    Name wanted = null;
    for (Pair<Symbol.MethodSymbol, Attribute> e : annotation.values) {
      Name key = e.fst.getSimpleName();
      if (wanted == null || wanted.table != key.table) {
        wanted = key.table.fromString(name); // as in find: no decoding of each element's name
      }
      if (key.equals(wanted)) {
        return Optional.of(e.snd);
      }
    }
    return Optional.empty();
  }

  static String string(Attribute.Compound annotation, String name, String absent) {
    return element(annotation, name)
        .map(a -> a.getValue() instanceof String s ? s : absent)
        .orElse(absent);
  }

  static boolean bool(Attribute.Compound annotation, String name, boolean absent) {
    return element(annotation, name)
        .map(a -> a.getValue() instanceof Boolean b ? b : absent)
        .orElse(absent);
  }

  /** A {@code String[]} element; a single string value counts as a one-element array. */
  static ImmutableList<String> strings(Attribute.Compound annotation, String name) {
    Optional<Attribute> value = element(annotation, name);
    if (value.isEmpty()) {
      return ImmutableList.of();
    }
    if (value.get() instanceof Attribute.Array array) {
      ImmutableList.Builder<String> out = ImmutableList.builder();
      for (Attribute v : array.values) {
        if (v.getValue() instanceof String s) {
          out.add(s);
        }
      }
      return out.build();
    }
    return value.get().getValue() instanceof String s ? ImmutableList.of(s) : ImmutableList.of();
  }

  /** The simple name of an enum constant element, if present. */
  static Optional<String> enumConstant(Attribute.Compound annotation, String name) {
    return element(annotation, name)
        .flatMap(
            a ->
                a instanceof Attribute.Enum e
                    ? Optional.of(e.value.getSimpleName().toString())
                    : Optional.empty());
  }
}

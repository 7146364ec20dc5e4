package dev.readonce.checker.model;

import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Finds the field a contract names (a lock, a slot, a hint) among a class's fields, and lists those
 * fields for the message about a name that is none of them: the one lookup every name check uses.
 */
final class FieldNames {

  private FieldNames() {}

  /** The field of that name declared in {@code owner}, or null. */
  static @Nullable VarSymbol declaredIn(Symbol owner, String name) {
    for (Symbol member : ASTHelpers.getEnclosedElements(owner)) {
      if (member instanceof VarSymbol field && field.getSimpleName().contentEquals(name)) {
        return field;
      }
    }
    return null;
  }

  /**
   * The field of that name in the method's class or, failing that, in the nearest enclosing class
   * that declares one (a local or anonymous class's enclosing class is past its method), or null.
   */
  static @Nullable VarSymbol inScope(MethodSymbol method, String name) {
    for (Symbol c = method.owner; c instanceof ClassSymbol; c = enclosingClass(c)) {
      VarSymbol field = declaredIn(c, name);
      if (field != null) {
        return field;
      }
    }
    return null;
  }

  /** The names of the fields declared in {@code owner}, in order, except synthetic ones. */
  static List<String> names(Symbol owner, Predicate<VarSymbol> except) {
    List<String> out = new ArrayList<>();
    for (Symbol member : ASTHelpers.getEnclosedElements(owner)) {
      if (member instanceof VarSymbol field
          && (field.flags() & Flags.SYNTHETIC) == 0
          && !except.test(field)) {
        out.add(field.getSimpleName().toString());
      }
    }
    return out;
  }

  /** The names of the fields of the method's class and of its enclosing classes, in that order. */
  static List<String> namesInScope(MethodSymbol method) {
    List<String> out = new ArrayList<>();
    for (Symbol c = method.owner; c instanceof ClassSymbol; c = enclosingClass(c)) {
      out.addAll(names(c, f -> false));
    }
    return out;
  }

  /** "its fields: a, b", or {@code none} when the class declares no (other) field. */
  static String listing(Symbol owner, Predicate<VarSymbol> except, String none) {
    List<String> fields = names(owner, except);
    return fields.isEmpty() ? none : "its fields: " + String.join(", ", fields);
  }

  private static @Nullable Symbol enclosingClass(Symbol c) {
    Symbol outer = c.owner;
    while (outer != null && !(outer instanceof ClassSymbol)) {
      outer = outer.owner;
    }
    return outer;
  }
}

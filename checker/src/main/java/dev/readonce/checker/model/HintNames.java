package dev.readonce.checker.model;

import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the slot field a hint contract names ({@code @RacyHint("head")},
 * {@code @ValidatesHint("head")}, {@code field=head}) against its method: a field of the method's
 * class or, failing that, of an enclosing class (a spliterator reads its queue's {@code head}).
 */
public final class HintNames {

  private HintNames() {}

  /** The field the name designates, or null. */
  public static @Nullable VarSymbol field(MethodSymbol method, String name) {
    for (Symbol c = method.owner; c instanceof ClassSymbol; c = enclosingClass(c)) {
      for (Symbol member : ASTHelpers.getEnclosedElements(c)) {
        if (member instanceof VarSymbol f && f.getSimpleName().contentEquals(name)) {
          return f;
        }
      }
    }
    return null;
  }

  /** What is wrong with the name, or null when it designates a field. */
  public static @Nullable String problem(MethodSymbol method, String name) {
    if (field(method, name) != null) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    for (Symbol c = method.owner; c instanceof ClassSymbol; c = enclosingClass(c)) {
      for (Symbol member : ASTHelpers.getEnclosedElements(c)) {
        if (member instanceof VarSymbol f && (f.flags() & Flags.SYNTHETIC) == 0) {
          fields.add(f.getSimpleName().toString());
        }
      }
    }
    return "no field '"
        + name
        + "' in "
        + ((ClassSymbol) method.owner).getQualifiedName()
        + " or its enclosing classes (a hint names a slot field; "
        + (fields.isEmpty() ? "they have no fields" : "their fields: " + String.join(", ", fields))
        + ")";
  }

  private static @Nullable Symbol enclosingClass(Symbol c) {
    Symbol outer = c.owner;
    while (outer != null && !(outer instanceof ClassSymbol)) {
      outer = outer.owner; // a local or anonymous class: past its method
    }
    return outer;
  }
}

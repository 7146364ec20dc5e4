package dev.readonce.checker.model;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the lock names of a method's lock contract ({@link MethodLocks}) against the method:
 * {@code this} on an instance method, or a field declared in the method's class.
 */
public final class MethodLockNames {

  private MethodLockNames() {}

  /** The lock field a name designates, or null for {@code this} or a name that is not a field. */
  public static @Nullable VarSymbol field(MethodSymbol method, String name) {
    return FieldNames.declaredIn(method.owner, name);
  }

  /** What is wrong with the names, or null when each designates a lock of the method. */
  public static @Nullable String problem(MethodSymbol method, List<String> names) {
    for (String name : names) {
      if (name.equals("this")) {
        if (method.isStatic()) {
          return "lock 'this' on static method "
              + method.getSimpleName()
              + ", which has no receiver";
        }
        continue;
      }
      VarSymbol field = field(method, name);
      if (field == null) {
        return "no lock field '"
            + name
            + "' in "
            + method.owner.getQualifiedName()
            + " (a lock of "
            + method.getSimpleName()
            + " is this or a field of its class; "
            + fieldsOf(method.owner)
            + ")";
      }
      if (method.isStatic() && !field.isStatic()) {
        return "lock '"
            + name
            + "' of static method "
            + method.getSimpleName()
            + " is an instance field of "
            + method.owner.getQualifiedName();
      }
    }
    return null;
  }

  /** "its fields: a, b" (or "it has no field"), for a message about a name that is none of them. */
  static String fieldsOf(Symbol owner) {
    return FieldNames.listing(owner, f -> false, "it has no field");
  }
}

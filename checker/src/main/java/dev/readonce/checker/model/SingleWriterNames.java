package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the slot names of a single-writer contract ({@code @SingleWriter}, a {@code
 * single-writer} entry) against its method: each is a field of the method's class that is a slot,
 * static exactly when the method is (an instance method's calls are serialized per object, which
 * says nothing about a field all objects share).
 */
public final class SingleWriterNames {

  private SingleWriterNames() {}

  /** The slots the names designate; a name with a {@link #problem} is left out. */
  static ImmutableSet<VarSymbol> fields(
      MethodSymbol method, List<String> names, Predicate<VarSymbol> isSlot) {
    ImmutableSet.Builder<VarSymbol> out = ImmutableSet.builder();
    for (String name : names) {
      VarSymbol field = MethodLockNames.field(method, name.strip());
      if (field != null && problem(method, name.strip(), isSlot) == null) {
        out.add(field);
      }
    }
    return out.build();
  }

  /**
   * What is wrong with a name, or null when it designates a slot of the method's class.
   *
   * @param isSlot whether a field is declared a slot (by annotation or declaration)
   */
  public static @Nullable String problem(
      MethodSymbol method, String name, Predicate<VarSymbol> isSlot) {
    VarSymbol field = MethodLockNames.field(method, name);
    String owner = method.owner.getQualifiedName().toString();
    if (field == null) {
      return "no field '"
          + name
          + "' in "
          + owner
          + " (a slot of the single writer "
          + method.getSimpleName()
          + " is a field of its class; "
          + MethodLockNames.fieldsOf(method.owner)
          + ")";
    }
    if (method.isStatic() != field.isStatic()) {
      return "slot '"
          + name
          + "' of "
          + (method.isStatic() ? "static" : "instance")
          + " method "
          + method.getSimpleName()
          + " is "
          + (field.isStatic() ? "a static" : "an instance")
          + " field of "
          + owner
          + " (the calls of an instance method are serialized per object: its slots are"
          + " instance fields; a static method's are static fields)";
    }
    if (!isSlot.test(field)) {
      return "field '"
          + name
          + "' of "
          + owner
          + " is not a slot (declare it one: @ReadOnce on the field, or a 'slot' entry)";
    }
    return null;
  }

  /** The problems of every name, in order; empty when all resolve. */
  public static ImmutableList<String> problems(
      MethodSymbol method, List<String> names, Predicate<VarSymbol> isSlot) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (String name : names) {
      String problem = problem(method, name.strip(), isSlot);
      if (problem != null) {
        out.add(problem);
      }
    }
    return out.build();
  }
}

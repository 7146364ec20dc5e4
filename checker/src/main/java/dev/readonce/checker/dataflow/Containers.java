package dev.readonce.checker.dataflow;

import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.readonce.checker.model.SlotDecl;
import javax.lang.model.type.TypeKind;

/** Which slot fields hold their slots inside another object (an array or an {@code Atomic*}). */
final class Containers {

  private Containers() {}

  /** Whether a slot field's value is a container: its elements or its value are the slots. */
  static boolean isContainer(Type type) {
    return type.getKind() == TypeKind.ARRAY || isAtomic(type);
  }

  /**
   * Whether a slot field holds its slots inside its value: a container, unless the declaration
   * makes the field's reference itself the slot ({@code @ReadOnce(reference = true)}).
   */
  static boolean holdsSlots(SlotDecl decl, Type type) {
    return !decl.reference() && isContainer(type);
  }

  /** Whether the container has one slot per index (an array or an {@code Atomic*Array}). */
  static boolean isIndexed(Type type) {
    return type.getKind() == TypeKind.ARRAY
        || (isAtomic(type) && type.tsym.getSimpleName().toString().endsWith("Array"));
  }

  static boolean isAtomic(Type type) {
    return type.tsym != null
        && type.tsym.getQualifiedName().toString().startsWith("java.util.concurrent.atomic.Atomic")
        && !type.tsym.getSimpleName().toString().endsWith("FieldUpdater");
  }

  static boolean isVolatile(VarSymbol field) {
    return (field.flags() & Flags.VOLATILE) != 0;
  }
}

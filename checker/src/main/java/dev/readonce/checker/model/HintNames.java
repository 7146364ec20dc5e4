package dev.readonce.checker.model;

import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
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
    return FieldNames.inScope(method, name);
  }

  /** What is wrong with the name, or null when it designates a field. */
  public static @Nullable String problem(MethodSymbol method, String name) {
    if (field(method, name) != null) {
      return null;
    }
    List<String> fields = FieldNames.namesInScope(method);
    return "no field '"
        + name
        + "' in "
        + ((ClassSymbol) method.owner).getQualifiedName()
        + " or its enclosing classes (a hint names a slot field; "
        + (fields.isEmpty() ? "they have no fields" : "their fields: " + String.join(", ", fields))
        + ")";
  }
}

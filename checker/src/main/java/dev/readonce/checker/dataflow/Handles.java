package dev.readonce.checker.dataflow;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.SlotParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Slot handles: objects that designate one slot, recognised by their type declaring a {@code
 * @ReadOnce} accessor with no parameters ({@code pudp.get()}).
 */
final class Handles {

  private final Contracts contracts;
  private final Map<TypeSymbol, Boolean> handleTypes = new HashMap<>();

  Handles(Contracts contracts) {
    this.contracts = contracts;
  }

  boolean isHandle(@Nullable Type type) {
    if (type == null
        || type.getKind() != javax.lang.model.type.TypeKind.DECLARED
        || !(type.tsym instanceof ClassSymbol c)) {
      return false;
    }
    return handleTypes.computeIfAbsent(c, this::declaresAccessor);
  }

  private boolean declaresAccessor(TypeSymbol type) {
    for (Symbol t = type; t instanceof ClassSymbol c; ) {
      for (Symbol member : com.google.errorprone.util.ASTHelpers.getEnclosedElements(c)) {
        if (member instanceof MethodSymbol m
            && !m.isStatic()
            && m.getParameters().isEmpty()
            && contracts.accessor(m).isPresent()) {
          return true;
        }
      }
      t = c.getSuperclass() == null ? null : c.getSuperclass().tsym;
    }
    return false;
  }

  /** The name of the handle type's atomic accessor (no parameters), if it declares one. */
  @Nullable String atomicAccessor(@Nullable Type type) {
    if (!isHandle(type)) {
      return null;
    }
    for (Symbol t = type.tsym; t instanceof ClassSymbol c; ) {
      for (Symbol member : com.google.errorprone.util.ASTHelpers.getEnclosedElements(c)) {
        if (member instanceof MethodSymbol m
            && !m.isStatic()
            && m.getParameters().isEmpty()
            && contracts.accessor(m).map(a -> a.atomic()).orElse(false)) {
          return m.getSimpleName().toString();
        }
      }
      t = c.getSuperclass() == null ? null : c.getSuperclass().tsym;
    }
    return null;
  }

  /**
   * Whether a callee whose body is not available here may read the slot of the handle it is given
   * as its {@code index}th argument. A heuristic: a method that takes a slot handle reads it,
   * unless the same call hands it the snapshot too (a {@code @Snapshot} parameter naming that
   * handle). Lock, re-check and modify helpers are declared and never get here.
   */
  boolean mayRead(MethodSymbol callee, int index, @Nullable Type argumentType) {
    List<Symbol.VarSymbol> params = callee.getParameters();
    Type declared = index < params.size() ? params.get(index).type : argumentType;
    if (!isHandle(declared)) {
      return false;
    }
    for (int j = 0; j < params.size(); j++) {
      Optional<SlotParams> paired = contracts.snapshotParam(callee, j);
      if (paired.isPresent() && paired.get().indices().contains(index)) {
        return false;
      }
    }
    return true;
  }
}

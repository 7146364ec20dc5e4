package dev.readonce.checker.model;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the {@code racy-hint} and {@code validates-hint} entries of declarations files to {@link
 * HintContract}s: each names a field of the method's class or of an enclosing class, and that field
 * is a slot (declared in a file or annotated {@code @ReadOnce}).
 */
final class HintResolution {

  private HintResolution() {}

  static Map<MethodSymbol, HintContract> resolve(
      Map<DeclaredEntry.Hint, MethodSymbol> entries,
      Set<VarSymbol> declaredSlots,
      List<DeclaredProblem> found) {
    Map<MethodSymbol, HintContract> out = new LinkedHashMap<>();
    for (Map.Entry<DeclaredEntry.Hint, MethodSymbol> e : entries.entrySet()) {
      DeclaredEntry.Hint hint = e.getKey();
      MethodSymbol method = e.getValue();
      String kind = hint.parameter() < 0 ? "racy-hint" : "validates-hint";
      VarSymbol field = HintNames.field(method, hint.field());
      if (field == null) {
        found.add(DeclaredProblem.error(hint.origin(), HintNames.problem(method, hint.field())));
        continue;
      }
      if (!declaredSlots.contains(field) && AnnotationValues.find(field, "ReadOnce").isEmpty()) {
        found.add(
            DeclaredProblem.error(
                hint.origin(),
                "'"
                    + kind
                    + "' names '"
                    + hint.field()
                    + "', which is not a slot (declare it with a slot entry or @ReadOnce)"));
        continue;
      }
      HintContract one =
          hint.parameter() < 0
              ? new HintContract(ImmutableSet.of(field), ImmutableMap.of())
              : new HintContract(ImmutableSet.of(), ImmutableMap.of(hint.parameter(), field));
      out.merge(method, one, HintContract::or);
    }
    return out;
  }
}

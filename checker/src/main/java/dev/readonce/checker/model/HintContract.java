package dev.readonce.checker.model;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a method says about racy hints ({@code @RacyHint}, {@code @ValidatesHint}, or the {@code
 * racy-hint} and {@code validates-hint} declarations): the slot fields it reads as hints without
 * their lock, and the parameters that take a hint of a slot and validate it under the slot's lock.
 *
 * @param racy the slot fields whose unlocked reads in the method are hints
 * @param validates for each validating parameter (by index), the slot field whose hint it takes
 */
public record HintContract(
    ImmutableSet<VarSymbol> racy, ImmutableMap<Integer, VarSymbol> validates) {

  public static final HintContract NONE = new HintContract(ImmutableSet.of(), ImmutableMap.of());

  public boolean isEmpty() {
    return racy.isEmpty() && validates.isEmpty();
  }

  /** Both contracts; where both name a validating parameter, this one's field. */
  public HintContract or(HintContract other) {
    if (other.isEmpty()) {
      return this;
    }
    Map<Integer, VarSymbol> params = new LinkedHashMap<>(other.validates);
    params.putAll(validates);
    return new HintContract(
        ImmutableSet.<VarSymbol>builder().addAll(racy).addAll(other.racy).build(),
        ImmutableMap.copyOf(params));
  }
}

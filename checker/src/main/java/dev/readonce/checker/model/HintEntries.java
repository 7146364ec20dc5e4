package dev.readonce.checker.model;

import javax.lang.model.SourceVersion;
import org.jspecify.annotations.Nullable;

/**
 * The declarations-file side of the hint contracts: {@code racy-hint} and {@code validates-hint}.
 */
final class HintEntries {

  private HintEntries() {}

  /** What is wrong with a {@code field=} value, or null for a field name. */
  static @Nullable String badField(String value) {
    return SourceVersion.isIdentifier(value) && !SourceVersion.isKeyword(value)
        ? null
        : "bad field '" + value + "' for 'field'; expected the name of a slot field";
  }

  /**
   * What tells two hint entries of one method apart, for duplicates: the field of a {@code
   * racy-hint} (one method may read several slots as hints), the parameter of a {@code
   * validates-hint}.
   */
  static String identity(DeclaredEntry.Hint hint) {
    return hint.parameter() < 0 ? " field=" + hint.field() : " param=" + hint.parameter();
  }
}

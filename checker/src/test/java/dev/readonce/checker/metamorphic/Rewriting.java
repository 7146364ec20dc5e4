package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;

/**
 * A semantics-preserving rewriting of a marked unit: the program computes the same thing, takes
 * the same locks at the same points and reads each slot the same number of times on every path,
 * so every ReadOnce verdict must stay where it was.
 */
public interface Rewriting {

  /** A short stable name, used in reports and in the known-failures list. */
  String name();

  /**
   * Rewrites {@code cu} in place, keeping every original statement's marker on the statement that
   * stands for it. Returns false when the rewriting found nothing to change in it.
   */
  boolean rewrite(CompilationUnit cu, Fresh fresh);

  /** Fresh local and member names for one variant ({@code mmv1}, {@code mmv2}, …). */
  final class Fresh {
    private int next;

    /** A name no case uses. */
    public String name() {
      return "mmv" + ++next;
    }
  }
}

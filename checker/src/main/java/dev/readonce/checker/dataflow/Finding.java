package dev.readonce.checker.dataflow;

import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import org.jspecify.annotations.Nullable;

/**
 * One violation of a rule at one tree.
 *
 * @param rule the rule violated
 * @param tree where to report it
 * @param message what was found and what to do
 * @param fix the plan of a suggested fix, when one is sound
 * @param once findings with equal non-null keys are reported only at the earliest tree (one
 *     report per stale snapshot per lock region, say)
 * @param about the local variable holding the snapshot the finding is about, when it is not
 *     used at {@code tree} (a re-read of its slot while it decides): its {@code
 *     @SuppressWarnings} applies to the finding too
 */
public record Finding(
    Rule rule,
    Tree tree,
    String message,
    @Nullable FixPlan fix,
    @Nullable Object once,
    @Nullable VarSymbol about) {

  public Finding(
      Rule rule, Tree tree, String message, @Nullable FixPlan fix, @Nullable Object once) {
    this(rule, tree, message, fix, once, null);
  }

  Finding withFix(@Nullable FixPlan plan) {
    return new Finding(rule, tree, message, plan, once, about);
  }

  Finding at(Tree sourceTree) {
    return new Finding(rule, sourceTree, message, fix, once, about);
  }
}

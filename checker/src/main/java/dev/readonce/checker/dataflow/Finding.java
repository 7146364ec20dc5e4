package dev.readonce.checker.dataflow;

import com.sun.source.tree.Tree;
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
 */
public record Finding(
    Rule rule, Tree tree, String message, @Nullable FixPlan fix, @Nullable Object once) {

  Finding withFix(@Nullable FixPlan plan) {
    return new Finding(rule, tree, message, plan, once);
  }
}

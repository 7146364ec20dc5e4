package dev.readonce.checker.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.readonce.checker.dataflow.Finding;

/**
 * What the analysis of one method (or lambda) found, and what its callers need to know of it.
 *
 * @param findings the violations in its body
 * @param parametersRead the parameters whose slots it reads without the lock
 * @param parametersRequiringPointer the snapshot parameters it descends from untested, relying
 *     on its callers to have shown them to be pointers
 * @param skipped whether the fast path skipped the body (it mentions no contract, so it has no
 *     findings, but a caller may still need its summary)
 */
public record MethodResult(
    ImmutableList<Finding> findings,
    ImmutableSet<Integer> parametersRead,
    ImmutableSet<Integer> parametersRequiringPointer,
    boolean skipped) {

  public static final MethodResult NOTHING =
      new MethodResult(ImmutableList.of(), ImmutableSet.of(), ImmutableSet.of(), false);

  public static final MethodResult SKIPPED =
      new MethodResult(ImmutableList.of(), ImmutableSet.of(), ImmutableSet.of(), true);
}

package dev.readonce.checker.dataflow;

import com.sun.source.tree.Tree;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a test decided on a snapshot, for how long its decision lasts: the innermost loop
 * statement around the test (the decision is of that loop's pass and ends when the loop is left),
 * or none (the method's pass: the decision lasts to the end of the method).
 *
 * @param loop the innermost {@code for}, {@code while} or {@code do} statement around the test,
 *     compared by identity; null for a test outside every loop, or a caller's test of a parameter
 */
public record TestSite(@Nullable Tree loop) {

  /** A test whose decision lasts for the rest of the method. */
  public static final TestSite METHOD = new TestSite(null);

  // Written out (see SnapId): the record's generated equals/hashCode go through method handles,
  // slow before the JIT compiles them; hashCode is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || (o instanceof TestSite t && Objects.equals(loop, t.loop));
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(loop);
  }
}

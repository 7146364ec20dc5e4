package dev.readonce.checker.dataflow;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identity of one snapshot: the read that produced it (a tree, compared by identity) or the
 * {@code @Snapshot} parameter that carries it into the method.
 *
 * @param origin the read's tree or the parameter's symbol
 */
public record SnapId(Object origin) {

  // Written out: snapshot ids are the keys of the store's hottest lookups, and the record's
  // generated methods go through a method handle per call where the JIT does not inline them.
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || (o instanceof SnapId s && Objects.equals(origin, s.origin));
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(origin);
  }
}

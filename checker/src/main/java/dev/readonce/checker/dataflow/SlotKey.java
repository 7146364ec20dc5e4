package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identity of one slot: the access path of its handle ({@code pudp}), of its field ({@code
 * this.next}), or of an array with an index ({@code tab[i]}). Reads with equal keys in one pass
 * are reads of one slot.
 *
 * @param path the path denoting the slot
 */
public record SlotKey(AccessPath path) {

  /** The slot designated by several paths, as an accessor's receiver and arguments do. */
  public static SlotKey of(ImmutableList<AccessPath> parts) {
    if (parts.size() == 1) {
      return new SlotKey(parts.get(0));
    }
    if (parts.size() == 2) {
      // An array and an index, the shape of tabAt(tab, i) and VarHandle element access.
      return new SlotKey(parts.get(0).with(new AccessPath.Index(parts.get(1))));
    }
    AccessPath joined = parts.get(0);
    for (AccessPath p : parts.subList(1, parts.size())) {
      joined = joined.with(new AccessPath.Index(p));
    }
    return new SlotKey(joined);
  }

  /**
   * Whether a lock held for this key covers the slot {@code other}: the same slot; an element of
   * an array whose every element it covers; or, for a handle ({@code pudp}), the memory reached
   * through the handle's own fields ({@code pudp.table[pudp.index]}, the plain spelling of the
   * same slot).
   */
  public boolean covers(SlotKey other) {
    if (equals(other)) {
      return true;
    }
    ImmutableList<AccessPath.Step> mine = path.steps();
    ImmutableList<AccessPath.Step> theirs = other.path.steps();
    if (mine.isEmpty()
        && path.root() instanceof AccessPath.Local
        && path.root().equals(other.path.root())
        && !theirs.isEmpty()
        && theirs.get(0) instanceof AccessPath.Field) {
      return true;
    }
    return !mine.isEmpty()
        && mine.get(mine.size() - 1) instanceof AccessPath.AnyIndex
        && mine.size() == theirs.size()
        && path.root().equals(other.path.root())
        && mine.subList(0, mine.size() - 1).equals(theirs.subList(0, theirs.size() - 1));
  }

  /** This key with a local replaced by the path of its old value. */
  public SlotKey substitute(VarSymbol variable, AccessPath replacement) {
    AccessPath moved = path.substitute(variable, replacement);
    return moved.equals(path) ? this : new SlotKey(moved);
  }

  public boolean mentions(VarSymbol variable) {
    return path.mentions(variable);
  }

  @Override
  public String toString() {
    return path.toString();
  }

  // Written out (see SnapId): the record's generated equals/hashCode go through method handles,
  // slow before the JIT compiles them; hashCode is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || (o instanceof SlotKey s && Objects.equals(path, s.path));
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(path);
  }
}

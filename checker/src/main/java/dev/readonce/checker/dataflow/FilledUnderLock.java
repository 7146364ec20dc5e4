package dev.readonce.checker.dataflow;

import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The {@code @FilledUnderLockOf} contract ({@code filled-under-lock-of}) at a store: in the method
 * that declares it, an element of the array in one parameter ({@code nextTab[i]}) is covered while
 * the method holds, exclusively, the lock of a slot of the array in the other parameter ({@code
 * tab[i]}) and has re-validated that slot against its pre-lock snapshot under that lock ({@code
 * tabAt(tab, i) == f} inside {@code synchronized (f)}). Which slot of the other array, and its
 * index, are not compared with the stored index: the contract's author states that part.
 */
final class FilledUnderLock {

  private FilledUnderLock() {}

  /**
   * The parameter whose slot's lock covers stores into {@code slot}, when {@code slot} is an
   * element of an array parameter of the analyzed method declared filled under that lock; null
   * otherwise (no contract, a lambda's body, a deeper path such as {@code nextTab[i].next}).
   */
  static @Nullable VarSymbol of(MethodContext cx, @Nullable SlotKey slot) {
    if (cx.method == null
        || slot == null
        || !(slot.path().root() instanceof AccessPath.Local root)
        || !isElement(slot.path().steps())) {
      return null;
    }
    List<VarSymbol> params = cx.method.getParameters();
    int index = params.indexOf(root.variable());
    if (index < 0) {
      return null;
    }
    OptionalInt of = cx.calls.contracts().filledUnderLockOf(cx.method, index);
    return of.isPresent() && of.getAsInt() < params.size() ? params.get(of.getAsInt()) : null;
  }

  /**
   * The exclusive lock region of a slot of {@code of}'s array held here: a re-validated one if
   * there is one, else any (for the message); null when none is held.
   */
  static @Nullable LockRegion region(SlotStore store, VarSymbol of) {
    LockRegion found = null;
    for (LockRegion region : store.locks().values()) {
      if (region.mode() == LockRegion.Mode.EXCLUSIVE
          && region.slot().path().root() instanceof AccessPath.Local root
          && root.variable().equals(of)
          && isElement(region.slot().path().steps())) {
        if (!region.validated().isEmpty()) {
          return region;
        }
        found = found == null ? region : found;
      }
    }
    return found;
  }

  /** Whether a region covers the stores: held (it is in the store) and re-validated. */
  static boolean covers(@Nullable LockRegion region) {
    return region != null && !region.validated().isEmpty();
  }

  /** One index step: an element of the array the root holds (not a field reached through it). */
  private static boolean isElement(List<AccessPath.Step> steps) {
    return steps.size() == 1
        && (steps.get(0) instanceof AccessPath.Index
            || steps.get(0) instanceof AccessPath.ConstIndex
            || steps.get(0) instanceof AccessPath.AnyIndex);
  }
}

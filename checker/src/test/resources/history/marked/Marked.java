import dev.readonce.annotations.ModifiesSlot;
import dev.readonce.annotations.PointerTest;
import dev.readonce.annotations.ReadOnce;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A small marked fixture for the marker comparison: each finding is marked beside its line. */
final class Marked {
  private static final VarHandle E = MethodHandles.arrayElementVarHandle(long[].class);

  @ReadOnce final long[] table = new long[8];
  final int index = 0;

  @ReadOnce
  long get() {
    return (long) E.getOpaque(table, index);
  }

  @ReadOnce(atomic = false)
  long deref() {
    return table[index];
  }

  @ModifiesSlot(requiresLock = true)
  void set(long v) {
    E.setRelease(table, index, v);
  }

  @PointerTest(PointerTest.Shows.NONE)
  static boolean none(long v) {
    return v == 0;
  }

  static int walk(Marked m) {
    if (none(m.deref())) { // expect: PlainSlotRead
      return 0;
    }
    m.set(1); // expect: UnlockedSlotWrite
    return none(m.get()) ? 1 : 2; // expect: UnlockedReread
  }
}

package dev.readonce.checker.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The store's index of which snapshots some local holds ({@link SnapHolders}), kept up to date by
 * every operation on the locals, against the index computed from scratch from the locals, on
 * seeded random sequences of the store's operations (assignments, reassignments with and without
 * a keeper, joins of stores derived from one).
 */
class SnapHoldersTest {

  private final Context context = new Context();
  private final Names names = Names.instance(context);

  private VarSymbol variable(String name) {
    // Neither type nor owner is looked at by the store.
    return new VarSymbol(0, names.fromString(name), null, null);
  }

  private static void assertIndexMatches(SlotStore store) {
    assertEquals(SnapHolders.of(store.locals()), store.holders());
  }

  @Test
  void indexMatchesTheLocalsAfterRandomOperations() {
    Random random = new Random(20261203);
    List<VarSymbol> vars = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      vars.add(variable("v" + i));
    }
    vars.add(variable("tempPostfix#num1"));
    List<SnapId> snapIds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      snapIds.add(new SnapId("read" + i));
    }
    int joins = 0;
    for (int round = 0; round < 400; round++) {
      SlotStore base = randomStore(random, vars, snapIds, 1 + random.nextInt(15));
      assertIndexMatches(base);
      SlotStore a = mutate(random, base, vars, snapIds, random.nextInt(10));
      SlotStore b = mutate(random, base, vars, snapIds, random.nextInt(10));
      assertIndexMatches(a);
      assertIndexMatches(b);
      SlotStore ab = a.leastUpperBound(b);
      SlotStore ba = b.leastUpperBound(a);
      assertIndexMatches(ab);
      assertIndexMatches(ba);
      assertIndexMatches(SlotStore.EMPTY.leastUpperBound(a));
      assertIndexMatches(a.leastUpperBound(SlotStore.EMPTY));
      if (!ab.holders().isEmpty()) {
        joins++;
      }
    }
    // The sequences did exercise joins with held snapshots.
    assertTrue(joins > 100, "joins with held snapshots: " + joins);
  }

  @Test
  void unheldMismatchesAreForgottenAndHeldOnesKept() {
    VarSymbol x = variable("x");
    VarSymbol y = variable("y");
    SnapId s = new SnapId("read");
    SnapState mismatched =
        new SnapState(
                null, "x", 1, ImmutableSet.of(), true, false, true,
                dev.readonce.checker.model.LockSpec.HELPERS, true, false)
            .asMismatched();
    SlotStore store =
        SlotStore.EMPTY
            .withSnap(s, mismatched)
            .withLocal(x, SlotValue.snapshot(s))
            .withLocal(y, SlotValue.snapshot(s));
    SlotValue old = store.local(x);
    // y still holds it: kept.
    SlotStore kept = store.withLocal(x, SlotValue.NOTHING).withoutUnheldMismatches(old);
    assertTrue(kept.snaps().containsKey(s));
    // Nobody holds it: forgotten.
    SlotStore gone =
        kept.withLocal(y, SlotValue.NOTHING).withoutUnheldMismatches(store.local(y));
    assertTrue(!gone.snaps().containsKey(s));
    assertIndexMatches(gone);
  }

  private static SlotValue randomValue(Random random, List<SnapId> snapIds, List<VarSymbol> vars) {
    if (random.nextInt(6) == 0) {
      return SlotValue.NOTHING;
    }
    ImmutableSet.Builder<SnapId> snaps = ImmutableSet.builder();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      snaps.add(snapIds.get(random.nextInt(snapIds.size())));
    }
    AccessPath path =
        random.nextBoolean()
            ? null
            : AccessPath.of(new AccessPath.Local(vars.get(random.nextInt(vars.size()))));
    return SlotValue.snapshots(snaps.build()).withPath(path);
  }

  private static SlotStore randomStore(
      Random random, List<VarSymbol> vars, List<SnapId> snapIds, int n) {
    SlotStore store = SlotStore.EMPTY;
    for (int i = 0; i < n; i++) {
      store =
          store.withLocal(vars.get(random.nextInt(vars.size())), randomValue(random, snapIds, vars));
    }
    return store;
  }

  private static SlotStore mutate(
      Random random, SlotStore store, List<VarSymbol> vars, List<SnapId> snapIds, int n) {
    SlotStore out = store;
    for (int i = 0; i < n; i++) {
      VarSymbol v = vars.get(random.nextInt(vars.size()));
      switch (random.nextInt(4)) {
        case 0 -> out = out.withLocal(v, randomValue(random, snapIds, vars));
        case 1 -> out = out.reassigned(v);
        case 2 ->
            out =
                out.rebased(
                    v, AccessPath.of(new AccessPath.Old(v, vars.get(vars.size() - 1))));
        default -> {
          SlotValue old = out.local(v);
          out = out.withLocal(v, SlotValue.NOTHING).withoutUnheldMismatches(old);
        }
      }
      for (Map.Entry<VarSymbol, SlotValue> e : out.locals().entrySet()) {
        assertTrue(!e.getValue().isNothing());
      }
    }
    return out;
  }
}

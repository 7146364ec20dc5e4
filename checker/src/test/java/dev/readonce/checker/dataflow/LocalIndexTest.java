package dev.readonce.checker.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import dev.readonce.checker.model.LockSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.checkerframework.errorprone.javacutil.trees.DetachedVarSymbol;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The store's index of its locals ({@link LocalIndex}: which snapshots some local holds, which
 * temporaries keep a local), kept up to date by every operation on the locals, against the index
 * computed from scratch, and the lookups it answers against the walks they replace, on seeded
 * random sequences of the store's operations (assignments, reassignments with and without a
 * keeper, joins of stores derived from one).
 */
class LocalIndexTest {

  private final Names names = Names.instance(new Context());

  private VarSymbol variable(String name) {
    // Neither type nor owner is looked at by the store. The CFG's temporaries (`#` in the name)
    // are made as the Checker Framework makes them (AccessPath.isSynthetic).
    return name.contains("#")
        ? new DetachedVarSymbol(0, names.fromString(name), null, null)
        : new VarSymbol(0, names.fromString(name), null, null);
  }

  private static final SnapState STATE =
      new SnapState(null, "s", 1, ImmutableSet.of(), true, false, true, LockSpec.HELPERS, false,
          false);

  /** The index matches the locals, and each lookup matches the walk it replaces. */
  private static void assertIndexMatches(SlotStore store, List<VarSymbol> vars) {
    assertEquals(LocalIndex.of(store.locals()), store.index());
    assertEquals(
        Mentions.of(store.reads().keySet().stream().map(SlotKey::path).toList()),
        store.readMentions());
    for (VarSymbol v : vars) {
      assertEquals(walkKeeper(store, v), store.keeperOf(v), v.toString());
    }
  }

  /** The earliest temporary whose value's path is the local: a walk of every local. */
  private static @Nullable VarSymbol walkKeeper(SlotStore store, VarSymbol variable) {
    AccessPath current = AccessPath.of(new AccessPath.Local(variable));
    for (Map.Entry<VarSymbol, SlotValue> e : store.locals().entrySet()) {
      if (current.equals(e.getValue().path()) && AccessPath.isSynthetic(e.getKey())) {
        return e.getKey();
      }
    }
    return null;
  }

  @Test
  void indexMatchesTheLocalsAfterRandomOperations() {
    Random random = new Random(20261203);
    List<VarSymbol> vars = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      vars.add(variable("v" + i));
    }
    vars.add(variable("tempPostfix#num1"));
    vars.add(variable("tempPostfix#num2"));
    vars.add(variable("switch#num3"));
    List<SnapId> snapIds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      snapIds.add(new SnapId("read" + i));
    }
    int heldAtJoins = 0;
    int keepers = 0;
    int forgotten = 0;
    for (int round = 0; round < 400; round++) {
      SlotStore base = randomStore(random, vars, snapIds, 1 + random.nextInt(15));
      assertIndexMatches(base, vars);
      SlotStore a = mutate(random, base, vars, snapIds, random.nextInt(12));
      SlotStore b = mutate(random, base, vars, snapIds, random.nextInt(12));
      assertIndexMatches(a, vars);
      assertIndexMatches(b, vars);
      SlotStore ab = a.leastUpperBound(b);
      SlotStore ba = b.leastUpperBound(a);
      assertIndexMatches(ab, vars);
      assertIndexMatches(ba, vars);
      assertIndexMatches(SlotStore.EMPTY.leastUpperBound(a), vars);
      assertIndexMatches(a.leastUpperBound(SlotStore.EMPTY), vars);
      heldAtJoins += ab.index().holders().isEmpty() ? 0 : 1;
      keepers += ab.index().keepers().isEmpty() ? 0 : 1;
      // An assignment that forgets unheld mismatched snapshots: the same store as the walk.
      VarSymbol v = vars.get(random.nextInt(vars.size()));
      SlotValue old = ab.local(v);
      SlotValue value = randomValue(random, snapIds, vars);
      SlotStore expected = ab.withLocal(v, value).withoutUnheldMismatches(old);
      SlotStore actual = ab.withLocalForgettingUnheldMismatches(v, value, old);
      assertEquals(expected, actual);
      assertIndexMatches(actual, vars);
      forgotten += expected.snaps().size() < ab.snaps().size() ? 1 : 0;
    }
    // The sequences exercised what they are meant to.
    assertTrue(heldAtJoins > 100, "joins with held snapshots: " + heldAtJoins);
    assertTrue(keepers > 50, "joins with keepers: " + keepers);
    assertTrue(forgotten > 20, "assignments that forgot a snapshot: " + forgotten);
  }

  @Test
  void unheldMismatchesAreForgottenAndHeldOnesKept() {
    VarSymbol x = variable("x");
    VarSymbol y = variable("y");
    SnapId s = new SnapId("read");
    SlotStore store =
        SlotStore.EMPTY
            .withSnap(s, STATE.asMismatched(TestSite.METHOD))
            .withLocal(x, SlotValue.snapshot(s))
            .withLocal(y, SlotValue.snapshot(s));
    // y still holds it: kept.
    SlotStore kept =
        store.withLocalForgettingUnheldMismatches(x, SlotValue.NOTHING, store.local(x));
    assertTrue(kept.snaps().containsKey(s));
    // Nobody holds it: forgotten.
    SlotStore gone =
        kept.withLocalForgettingUnheldMismatches(y, SlotValue.NOTHING, kept.local(y));
    assertFalse(gone.snaps().containsKey(s));
    // A snapshot that is not mismatched stays, held or not.
    SlotStore matched =
        store.withSnap(s, STATE)
            .withLocalForgettingUnheldMismatches(x, SlotValue.NOTHING, store.local(x))
            .withLocalForgettingUnheldMismatches(y, SlotValue.NOTHING, store.local(y));
    assertTrue(matched.snaps().containsKey(s));
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

  /** A path through some of the variables: a local, a field of it, an element at another. */
  private static AccessPath randomPath(Random random, List<VarSymbol> vars) {
    AccessPath p = AccessPath.of(new AccessPath.Local(vars.get(random.nextInt(vars.size()))));
    return switch (random.nextInt(3)) {
      case 0 -> p;
      case 1 -> p.with(new AccessPath.Field(vars.get(random.nextInt(vars.size()))));
      default ->
          p.with(
              new AccessPath.Index(
                  AccessPath.of(new AccessPath.Local(vars.get(random.nextInt(vars.size()))))));
    };
  }

  @Test
  void mentionedVariablesAreThoseThePathMentions() {
    Random random = new Random(7);
    List<VarSymbol> vars = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      vars.add(variable("m" + i));
    }
    for (int i = 0; i < 200; i++) {
      AccessPath p = randomPath(random, vars);
      java.util.Set<VarSymbol> mentioned = new java.util.HashSet<>();
      p.forEachMentioned(mentioned::add);
      for (VarSymbol v : vars) {
        assertEquals(p.mentions(v), mentioned.contains(v), p + " " + v);
      }
    }
  }

  private static SlotStore randomStore(
      Random random, List<VarSymbol> vars, List<SnapId> snapIds, int n) {
    SlotStore store = SlotStore.EMPTY;
    for (SnapId s : snapIds) {
      store = store.withSnap(s, random.nextBoolean() ? STATE.asMismatched(TestSite.METHOD) : STATE);
    }
    for (int i = 0; i < n; i++) {
      VarSymbol v = vars.get(random.nextInt(vars.size()));
      store = store.withLocal(v, randomValue(random, snapIds, vars));
      store = withRandomRead(random, store, vars, snapIds);
    }
    return store;
  }

  private static SlotStore withRandomRead(
      Random random, SlotStore store, List<VarSymbol> vars, List<SnapId> snapIds) {
    return store.withRead(
        new SlotKey(randomPath(random, vars)),
        new ReadRecord(
            ImmutableSet.of(snapIds.get(random.nextInt(snapIds.size()))),
            1,
            ImmutableSet.of((long) random.nextInt(3))));
  }

  private static SlotStore mutate(
      Random random, SlotStore store, List<VarSymbol> vars, List<SnapId> snapIds, int n) {
    SlotStore out = store;
    for (int i = 0; i < n; i++) {
      VarSymbol v = vars.get(random.nextInt(vars.size()));
      switch (random.nextInt(7)) {
        case 0 -> out = out.withLocal(v, randomValue(random, snapIds, vars));
        case 1 -> {
          SlotStore before = out;
          out = out.reassigned(v);
          // What a reassignment forgets: every read and local path through the variable.
          for (SlotKey k : before.reads().keySet()) {
            assertEquals(!k.mentions(v), out.reads().containsKey(k));
          }
          for (Map.Entry<VarSymbol, SlotValue> e : before.locals().entrySet()) {
            AccessPath p = e.getValue().path();
            assertEquals(
                p != null && p.mentions(v) ? null : p, out.local(e.getKey()).path());
          }
        }
        case 4 -> out = withRandomRead(random, out, vars, snapIds);
        case 5 -> out = out.withoutReadsIn(ImmutableSet.of((long) random.nextInt(3)));
        case 2 ->
            out = out.rebased(v, AccessPath.of(new AccessPath.Old(v, vars.get(vars.size() - 1))));
        default -> {
          SlotValue old = out.local(v);
          out = out.withLocalForgettingUnheldMismatches(v, SlotValue.NOTHING, old);
        }
      }
    }
    return out;
  }
}

package dev.readonce.checker.metamorphic;

import java.util.List;

/** The rewritings every case is re-run under, in report order. */
public final class Rewritings {

  private Rewritings() {}

  /** All of them; each has a name unique in this list. */
  public static List<Rewriting> all() {
    return List.of(
        new AssignInArgument(),
        new IndexThroughIncrement(false),
        new IndexThroughIncrement(true),
        new NoiseBeforeStatements(NoiseBeforeStatements.Kind.TERNARY),
        new TernaryAroundLock(),
        new NoiseBeforeStatements(NoiseBeforeStatements.Kind.INCREMENT),
        new NoiseBeforeStatements(NoiseBeforeStatements.Kind.VARARGS),
        new NoiseBeforeStatements(NoiseBeforeStatements.Kind.VAR_HANDLE),
        new LoopHeadAssigns(),
        new SnapshotOutsideLoop(),
        new WrapStatements(false),
        new WrapStatements(true),
        new LockThroughGetter());
  }
}

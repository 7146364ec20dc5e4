package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableList;
import com.sun.source.tree.Tree;
import org.jspecify.annotations.Nullable;

/**
 * A suggested fix, planned by the analysis (which knows the snapshots) and turned into source
 * edits by the check (which has the source). Only planned where the edit keeps the code's meaning
 * apart from reading the slot once.
 */
public sealed interface FixPlan {

  /**
   * Replace a second read with the live snapshot variable.
   *
   * @param reread the second read
   * @param variable the snapshot variable in scope there
   */
  record UseSnapshot(Tree reread, String variable) implements FixPlan {}

  /**
   * Delete a statement that re-reads the slot into the variable that already holds this pass's
   * snapshot ({@code pmd = pmdp.get();} again): the pass then decides on its first snapshot.
   *
   * @param statement the expression statement of the re-read
   */
  record RemoveReread(Tree statement) implements FixPlan {}

  /**
   * Read the slot once into a new local before the statement of the first read, and use the
   * local for the first read and every second read of the pass.
   *
   * @param statement the statement to insert the local before
   * @param first the first read
   * @param rereads the later reads of the same pass
   * @param name the new local's name
   * @param atomicFirst how to make the first read atomic ({@link RenameCall} or {@link
   *     CallAccessor}), when it is a plain one: the local is initialized with that atomic read
   */
  record IntroduceSnapshot(
      Tree statement,
      Tree first,
      ImmutableList<Tree> rereads,
      String name,
      @Nullable FixPlan atomicFirst)
      implements FixPlan {

    IntroduceSnapshot withReread(Tree reread) {
      return new IntroduceSnapshot(
          statement,
          first,
          ImmutableList.<Tree>builder().addAll(rereads).add(reread).build(),
          name,
          atomicFirst);
    }
  }

  /**
   * Make a plain read atomic by calling the atomic variant of the method: the handle's atomic
   * accessor for its plain one, {@code getOpaque} for {@code VarHandle.get} and {@code getPlain}.
   *
   * @param call the plain read
   * @param name the atomic method's name
   */
  record RenameCall(Tree call, String name) implements FixPlan {}

  /**
   * Replace a plain read of a handle's slot ({@code pud.table[pud.index]}) with the handle's
   * atomic accessor ({@code pud.get()}).
   *
   * @param read the plain read
   * @param handle the handle expression
   * @param accessor the atomic accessor's name
   */
  record CallAccessor(Tree read, Tree handle, String accessor) implements FixPlan {}
}

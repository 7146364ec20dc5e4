package dev.readonce.checker.dataflow;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Name;
import dev.readonce.checker.dataflow.Call.LockOp.Kind;
import dev.readonce.checker.dataflow.LockRegion.Mode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lock operations of {@code java.util.concurrent.locks}, matched by Error Prone method matchers
 * on the receiver's type: {@code Lock}, the read and write views of a {@code ReadWriteLock}, and
 * {@code StampedLock}'s stamps and optimistic reads.
 */
final class LockCalls {

  private static final String LOCK = "java.util.concurrent.locks.Lock";
  private static final String READ_WRITE = "java.util.concurrent.locks.ReadWriteLock";
  private static final String STAMPED = "java.util.concurrent.locks.StampedLock";

  private static final Matcher<ExpressionTree> LOCK_LOCK =
      instanceMethod().onDescendantOf(LOCK).namedAnyOf("lock", "lockInterruptibly");
  private static final Matcher<ExpressionTree> LOCK_UNLOCK =
      instanceMethod().onDescendantOf(LOCK).named("unlock");
  private static final Matcher<ExpressionTree> LOCK_TRY =
      instanceMethod().onDescendantOf(LOCK).named("tryLock");

  private static final Matcher<ExpressionTree> READ_VIEW =
      instanceMethod().onDescendantOf(READ_WRITE).named("readLock");
  private static final Matcher<ExpressionTree> WRITE_VIEW =
      instanceMethod().onDescendantOf(READ_WRITE).named("writeLock");
  private static final Matcher<ExpressionTree> STAMPED_READ_VIEW =
      instanceMethod().onDescendantOf(STAMPED).named("asReadLock");
  private static final Matcher<ExpressionTree> STAMPED_WRITE_VIEW =
      instanceMethod().onDescendantOf(STAMPED).named("asWriteLock");

  private static final Matcher<ExpressionTree> STAMP_WRITE =
      instanceMethod().onDescendantOf(STAMPED).namedAnyOf("writeLock", "writeLockInterruptibly");
  private static final Matcher<ExpressionTree> STAMP_READ =
      instanceMethod().onDescendantOf(STAMPED).namedAnyOf("readLock", "readLockInterruptibly");
  private static final Matcher<ExpressionTree> STAMP_TRY_WRITE =
      instanceMethod().onDescendantOf(STAMPED).named("tryWriteLock");
  private static final Matcher<ExpressionTree> STAMP_TRY_READ =
      instanceMethod().onDescendantOf(STAMPED).named("tryReadLock");
  private static final Matcher<ExpressionTree> STAMP_UNLOCK =
      instanceMethod()
          .onDescendantOf(STAMPED)
          .namedAnyOf("unlock", "unlockRead", "unlockWrite", "tryUnlockRead", "tryUnlockWrite");
  private static final Matcher<ExpressionTree> STAMP_OPTIMISTIC =
      instanceMethod().onDescendantOf(STAMPED).named("tryOptimisticRead");
  private static final Matcher<ExpressionTree> STAMP_VALIDATE =
      instanceMethod().onDescendantOf(STAMPED).named("validate");

  // Every method name above: a call with any other name is none of them, which saves running the
  // matchers (each a subtype test) on every call of every analyzed method.
  private static final ImmutableSet<String> NAMES =
      ImmutableSet.of(
          "lock",
          "lockInterruptibly",
          "unlock",
          "tryLock",
          "readLock",
          "writeLock",
          "asReadLock",
          "asWriteLock",
          "writeLockInterruptibly",
          "readLockInterruptibly",
          "tryWriteLock",
          "tryReadLock",
          "unlockRead",
          "unlockWrite",
          "tryUnlockRead",
          "tryUnlockWrite",
          "tryOptimisticRead",
          "validate");

  private final VisitorState state;
  // NAMES in this compilation's name table: a call's method name is compared as a javac Name, not
  // decoded into a String on every call.
  private final ImmutableSet<Name> names;

  LockCalls(VisitorState state) {
    this.state = state;
    this.names = NAMES.stream().map(state::getName).collect(ImmutableSet.toImmutableSet());
  }

  /** The lock operation a call performs, if it is one. */
  Optional<Call.LockOp> classify(@Nullable MethodInvocationTree call) {
    if (!named(call)) {
      return Optional.empty();
    }
    if (LOCK_LOCK.matches(call, state)) {
      return op(Kind.LOCK, Mode.EXCLUSIVE);
    }
    if (LOCK_UNLOCK.matches(call, state)) {
      return op(Kind.UNLOCK, Mode.EXCLUSIVE);
    }
    if (LOCK_TRY.matches(call, state)) {
      return op(Kind.TRY_LOCK, Mode.EXCLUSIVE);
    }
    if (STAMP_WRITE.matches(call, state)) {
      return op(Kind.LOCK, Mode.EXCLUSIVE);
    }
    if (STAMP_READ.matches(call, state)) {
      return op(Kind.LOCK, Mode.SHARED);
    }
    if (STAMP_TRY_WRITE.matches(call, state)) {
      return op(Kind.TRY_STAMP, Mode.EXCLUSIVE);
    }
    if (STAMP_TRY_READ.matches(call, state)) {
      return op(Kind.TRY_STAMP, Mode.SHARED);
    }
    if (STAMP_UNLOCK.matches(call, state)) {
      return op(Kind.UNLOCK, Mode.EXCLUSIVE);
    }
    if (STAMP_OPTIMISTIC.matches(call, state)) {
      return op(Kind.OPTIMISTIC, Mode.OPTIMISTIC);
    }
    if (STAMP_VALIDATE.matches(call, state)) {
      return op(Kind.VALIDATE, Mode.OPTIMISTIC);
    }
    return Optional.empty();
  }

  /**
   * For a call returning a view of a read-write lock as a {@code Lock} ({@code rw.readLock()},
   * {@code sl.asWriteLock()}), the mode that locking the view takes.
   */
  Optional<Mode> view(@Nullable MethodInvocationTree call) {
    if (!named(call)) {
      return Optional.empty();
    }
    if (READ_VIEW.matches(call, state) || STAMPED_READ_VIEW.matches(call, state)) {
      return Optional.of(Mode.SHARED);
    }
    if (WRITE_VIEW.matches(call, state) || STAMPED_WRITE_VIEW.matches(call, state)) {
      return Optional.of(Mode.EXCLUSIVE);
    }
    return Optional.empty();
  }

  private boolean named(@Nullable MethodInvocationTree call) {
    if (call == null) {
      return false;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    return names.contains(method.getSimpleName());
  }

  private static Optional<Call.LockOp> op(Kind kind, Mode mode) {
    return Optional.of(new Call.LockOp(kind, mode));
  }
}

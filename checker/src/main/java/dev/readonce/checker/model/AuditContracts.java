package dev.readonce.checker.model;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.readonce.annotations.PointerTest.Shows;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Audit mode ({@code -XepOpt:ReadOnce:Audit=true}): on code that carries no annotations, every
 * {@code volatile} field, every {@code Atomic*} field, and every field this unit accesses through
 * a {@code VarHandle} is treated as a slot, so double reads of racy fields surface. The lock of
 * such a slot is unknown ({@link LockSpec.Kind#UNKNOWN}): any lock the thread holds counts as it;
 * declared contracts still apply.
 */
public final class AuditContracts implements Contracts {

  private static final SlotDecl AUDITED = new SlotDecl(LockSpec.UNKNOWN, false);
  private static final SlotDecl UNGUARDED = new SlotDecl(LockSpec.UNGUARDED, false);

  private final Contracts declared;
  private final ImmutableSet<VarSymbol> varHandleFields;
  private final ImmutableSet<VarSymbol> handles;
  private final ImmutableSet<VarSymbol> disciplined;
  private final ImmutableSet<VarSymbol> copyOnWrite;
  private final ImmutableSet<MethodSymbol> calledUnderLock;
  private final ImmutableSet<MethodSymbol> constructorHelpers;
  private final ImmutableSetMultimap<MethodSymbol, VarSymbol> fieldsWritten;

  /**
   * @param declared the contracts from annotations and declarations files
   * @param varHandleFields the fields this compilation unit reads or writes through a VarHandle
   *     or a field updater
   * @param handles the VarHandle and field updater fields that name those fields (a method that
   *     mentions only {@code WIP.get(this)} touches a slot)
   * @param disciplined the fields the unit writes under a lock or updates atomically somewhere;
   *     the others are {@link LockSpec.Kind#UNGUARDED}, and their stores are not judged
   * @param copyOnWrite the volatile array fields of the unit that it only ever replaces whole (it
   *     never writes their elements in place): the reference is the slot, the elements are not
   * @param calledUnderLock the private methods whose every call in the unit holds a lock, and the
   *     methods annotated {@code @GuardedBy}
   * @param constructorHelpers the private methods called on {@code this} from constructors only
   * @param fieldsWritten the fields of its own object or class each method of the unit stores
   */
  public AuditContracts(
      Contracts declared,
      ImmutableSet<VarSymbol> varHandleFields,
      ImmutableSet<VarSymbol> handles,
      ImmutableSet<VarSymbol> disciplined,
      ImmutableSet<VarSymbol> copyOnWrite,
      ImmutableSet<MethodSymbol> calledUnderLock,
      ImmutableSet<MethodSymbol> constructorHelpers,
      ImmutableSetMultimap<MethodSymbol, VarSymbol> fieldsWritten) {
    this.declared = declared;
    this.varHandleFields = varHandleFields;
    this.handles = handles;
    this.disciplined = disciplined;
    this.copyOnWrite = copyOnWrite;
    this.calledUnderLock = calledUnderLock;
    this.constructorHelpers = constructorHelpers;
    this.fieldsWritten = fieldsWritten;
  }

  @Override
  public Optional<SlotDecl> slotField(VarSymbol field) {
    Optional<SlotDecl> declaredSlot = declared.slotField(field);
    if (declaredSlot.isPresent() || !(field.owner instanceof ClassSymbol)) {
      return declaredSlot;
    }
    boolean racy =
        (field.flags() & Flags.VOLATILE) != 0
            || varHandleFields.contains(field)
            || (field.type.tsym != null
                && field.type.tsym.getQualifiedName().toString()
                    .startsWith("java.util.concurrent.atomic.Atomic")
                // An Atomic*FieldUpdater is a static helper that reaches other fields, not a slot.
                && !field.type.tsym.getSimpleName().toString().endsWith("FieldUpdater"));
    if (!racy) {
      return Optional.empty();
    }
    SlotDecl decl = disciplined.contains(field) ? AUDITED : UNGUARDED;
    if (copyOnWrite.contains(field)) {
      // Copy-on-write: a published array is never written, only the field is replaced.
      decl = new SlotDecl(decl.lock(), false, true);
    }
    return Optional.of(decl);
  }

  @Override
  public ImmutableSet<VarSymbol> fieldsWrittenBy(MethodSymbol method) {
    return fieldsWritten.get(method);
  }

  @Override
  public boolean constructorHelper(MethodSymbol method) {
    return constructorHelpers.contains(method) || declared.constructorHelper(method);
  }

  @Override
  public boolean calledUnderLock(MethodSymbol method) {
    return calledUnderLock.contains(method) || declared.calledUnderLock(method);
  }

  @Override
  public boolean audit() {
    return true;
  }

  @Override
  public Optional<AccessorDecl> accessor(MethodSymbol method) {
    return declared.accessor(method);
  }

  @Override
  public boolean stableHandleType(TypeSymbol type) {
    return declared.stableHandleType(type);
  }

  @Override
  public Optional<SlotParams> locksSlot(MethodSymbol method) {
    return declared.locksSlot(method);
  }

  @Override
  public boolean revalidates(MethodSymbol method) {
    return declared.revalidates(method);
  }

  @Override
  public OptionalInt descends(MethodSymbol method) {
    return declared.descends(method);
  }

  @Override
  public Optional<Shows> pointerTest(MethodSymbol method) {
    return declared.pointerTest(method);
  }

  @Override
  public Optional<ModifiesDecl> modifies(MethodSymbol method) {
    return declared.modifies(method);
  }

  @Override
  public Optional<SlotParams> snapshotParam(MethodSymbol method, int index) {
    return declared.snapshotParam(method, index);
  }

  @Override
  public boolean snapshotLockHeld(MethodSymbol method, int index) {
    return declared.snapshotLockHeld(method, index);
  }

  @Override
  public boolean handleLockHeld(MethodSymbol method, int index) {
    return declared.handleLockHeld(method, index);
  }

  @Override
  public MethodLocks methodLocks(MethodSymbol method) {
    return declared.methodLocks(method);
  }

  @Override
  public HintContract hints(MethodSymbol method) {
    return declared.hints(method);
  }

  @Override
  public OptionalInt filledUnderLockOf(MethodSymbol method, int index) {
    return declared.filledUnderLockOf(method, index);
  }

  @Override
  public boolean hasContract(Symbol symbol) {
    return declared.hasContract(symbol)
        || (symbol instanceof VarSymbol field
            && (slotField(field).isPresent() || handles.contains(field)));
  }
}

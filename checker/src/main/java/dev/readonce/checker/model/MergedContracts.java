package dev.readonce.checker.model;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.readonce.annotations.PointerTest.Shows;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The contracts the analysis sees: annotations and declarations together. Where both state a
 * contract for the same member, the annotation wins (the code's own word over a file's).
 *
 * <p>When the declarations hold an error, the merged view states no contract at all: the
 * compilation fails on the declaration errors, and findings computed from half a set of contracts
 * would only distract from them.
 */
public final class MergedContracts implements Contracts {

  private final Contracts annotations;
  private final DeclaredContracts declared;

  public MergedContracts(Contracts annotations, DeclaredContracts declared) {
    this.annotations = annotations;
    this.declared = declared;
  }

  private boolean active() {
    return declared.usable();
  }

  @Override
  public Optional<SlotDecl> slotField(VarSymbol field) {
    if (!active()) {
      return Optional.empty();
    }
    return annotations.slotField(field).or(() -> declared.slotField(field));
  }

  @Override
  public Optional<AccessorDecl> accessor(MethodSymbol method) {
    if (!active()) {
      return Optional.empty();
    }
    Optional<AccessorDecl> decl = annotations.accessor(method).or(() -> declared.accessor(method));
    if (decl.isEmpty() || decl.get().slot().stableAfterPointer()) {
      return decl;
    }
    // An annotated accessor of a class declared a stable handle (or the reverse) is stable too.
    boolean stable = stableHandleType(method.owner.type.tsym);
    return stable
        ? Optional.of(
            new AccessorDecl(new SlotDecl(decl.get().slot().lock(), true), decl.get().atomic()))
        : decl;
  }

  @Override
  public boolean stableHandleType(TypeSymbol type) {
    return active() && (annotations.stableHandleType(type) || declared.stableHandleType(type));
  }

  @Override
  public Optional<SlotParams> locksSlot(MethodSymbol method) {
    if (!active()) {
      return Optional.empty();
    }
    return annotations.locksSlot(method).or(() -> declared.locksSlot(method));
  }

  @Override
  public boolean revalidates(MethodSymbol method) {
    return active() && (annotations.revalidates(method) || declared.revalidates(method));
  }

  @Override
  public OptionalInt descends(MethodSymbol method) {
    if (!active()) {
      return OptionalInt.empty();
    }
    OptionalInt annotated = annotations.descends(method);
    return annotated.isPresent() ? annotated : declared.descends(method);
  }

  @Override
  public Optional<Shows> pointerTest(MethodSymbol method) {
    if (!active()) {
      return Optional.empty();
    }
    return annotations.pointerTest(method).or(() -> declared.pointerTest(method));
  }

  @Override
  public Optional<ModifiesDecl> modifies(MethodSymbol method) {
    if (!active()) {
      return Optional.empty();
    }
    return annotations.modifies(method).or(() -> declared.modifies(method));
  }

  @Override
  public Optional<SlotParams> snapshotParam(MethodSymbol method, int index) {
    if (!active()) {
      return Optional.empty();
    }
    return annotations.snapshotParam(method, index).or(() -> declared.snapshotParam(method, index));
  }

  @Override
  public boolean snapshotLockHeld(MethodSymbol method, int index) {
    return active()
        && (annotations.snapshotLockHeld(method, index)
            || declared.snapshotLockHeld(method, index));
  }

  @Override
  public boolean handleLockHeld(MethodSymbol method, int index) {
    return active()
        && (annotations.handleLockHeld(method, index) || declared.handleLockHeld(method, index));
  }

  @Override
  public MethodLocks methodLocks(MethodSymbol method) {
    if (!active()) {
      return MethodLocks.NONE;
    }
    return annotations.methodLocks(method).or(declared.methodLocks(method));
  }

  @Override
  public HintContract hints(MethodSymbol method) {
    return active() ? annotations.hints(method).or(declared.hints(method)) : HintContract.NONE;
  }

  @Override
  public OptionalInt filledUnderLockOf(MethodSymbol method, int index) {
    if (!active()) {
      return OptionalInt.empty();
    }
    OptionalInt annotated = annotations.filledUnderLockOf(method, index);
    return annotated.isPresent() ? annotated : declared.filledUnderLockOf(method, index);
  }

  @Override
  public ImmutableSet<VarSymbol> singleWriterOf(MethodSymbol method) {
    if (!active()) {
      return ImmutableSet.of();
    }
    ImmutableSet<VarSymbol> annotated = annotations.singleWriterOf(method);
    return annotated.isEmpty() ? declared.singleWriterOf(method) : annotated;
  }

  @Override
  public ImmutableSet<MethodSymbol> singleWriters(VarSymbol field) {
    if (!active()) {
      return ImmutableSet.of();
    }
    // A method's own contract decides whether it writes the slot (the annotation wins there).
    return Sets.union(annotations.singleWriters(field), declared.singleWriters(field)).stream()
        .filter(m -> singleWriterOf(m).contains(field))
        .collect(ImmutableSet.toImmutableSet());
  }

  @Override
  public boolean hasContract(Symbol symbol) {
    return active() && (annotations.hasContract(symbol) || declared.hasContract(symbol));
  }
}

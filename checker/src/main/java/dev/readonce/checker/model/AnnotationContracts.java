package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Types;
import dev.readonce.annotations.PointerTest.Shows;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@link Contracts} read from the ReadOnce annotations on source and class-file symbols. */
public final class AnnotationContracts implements Contracts {

  private final Types types;
  private final Consumer<String> warn;
  private final Set<String> warned = new HashSet<>();

  // The super methods of the last method asked about. Callers ask about a method parameter by
  // parameter, and each lookup walks every supertype; remembering one method makes that one walk.
  private @Nullable MethodSymbol superMethodsOf;
  private Set<MethodSymbol> superMethods = Set.of();

  // The single writers of each class's slots, found once per class a write or read asks about.
  private final Map<Symbol.ClassSymbol, Map<VarSymbol, ImmutableSet<MethodSymbol>>>
      writersByClass = new HashMap<>();


  /** Contracts that ignore, silently, annotations naming parameters that do not exist. */
  public AnnotationContracts(Types types) {
    this(types, message -> {});
  }

  /**
   * @param warn receives, once each, a warning for an annotation naming a parameter the method
   *     does not have (typically a class compiled without {@code -parameters}, whose parameter
   *     names are lost)
   */
  public AnnotationContracts(Types types, Consumer<String> warn) {
    this.types = types;
    this.warn = warn;
  }

  private Set<MethodSymbol> superMethods(MethodSymbol method) {
    if (method.isStatic() || method.isConstructor() || (method.flags() & Flags.PRIVATE) != 0) {
      return Set.of(); // overrides nothing
    }
    if (method != superMethodsOf) {
      superMethods = ASTHelpers.findSuperMethods(method, types);
      superMethodsOf = method;
    }
    return superMethods;
  }

  @Override
  public Optional<SlotDecl> slotField(VarSymbol field) {
    return AnnotationValues.find(field, "ReadOnce")
        .map(
            a ->
                new SlotDecl(
                    LockSpec.parse(AnnotationValues.string(a, "lock", "")),
                    AnnotationValues.find(field, "StableAfterPointer").isPresent(),
                    AnnotationValues.bool(a, "reference", false)));
  }

  @Override
  public Optional<AccessorDecl> accessor(MethodSymbol method) {
    return AnnotationValues.find(method, "ReadOnce")
        .map(
            a ->
                new AccessorDecl(
                    new SlotDecl(
                        LockSpec.parse(AnnotationValues.string(a, "lock", "")),
                        AnnotationValues.find(method, "StableAfterPointer").isPresent()
                            || stableHandleType(method.owner.type.tsym)),
                    AnnotationValues.bool(a, "atomic", true)));
  }

  @Override
  public boolean stableHandleType(TypeSymbol type) {
    for (Symbol t = type; t instanceof Symbol.ClassSymbol c; ) {
      if (AnnotationValues.find(c, "StableAfterPointer").isPresent()) {
        return true;
      }
      t = c.getSuperclass() == null ? null : c.getSuperclass().tsym;
    }
    return false;
  }

  @Override
  public Optional<SlotParams> locksSlot(MethodSymbol method) {
    return AnnotationValues.find(method, "LocksSlot").flatMap(a -> params(method, a));
  }

  @Override
  public boolean revalidates(MethodSymbol method) {
    return AnnotationValues.find(method, "Revalidates").isPresent();
  }

  @Override
  public OptionalInt descends(MethodSymbol method) {
    if (AnnotationValues.find(method, "Descends").isEmpty() || method.getParameters().isEmpty()) {
      return OptionalInt.empty();
    }
    List<VarSymbol> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      if (AnnotationValues.find(params.get(i), "Snapshot").isPresent()) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.of(0);
  }

  @Override
  public Optional<Shows> pointerTest(MethodSymbol method) {
    return AnnotationValues.find(method, "PointerTest")
        .flatMap(a -> AnnotationValues.enumConstant(a, "value"))
        .map(Shows::valueOf);
  }

  @Override
  public Optional<ModifiesDecl> modifies(MethodSymbol method) {
    Optional<Attribute.Compound> a = AnnotationValues.find(method, "ModifiesSlot");
    if (a.isEmpty()) {
      return Optional.empty();
    }
    return params(method, a.get())
        .map(p -> new ModifiesDecl(p, AnnotationValues.bool(a.get(), "requiresLock", false)));
  }

  @Override
  public Optional<SlotParams> snapshotParam(MethodSymbol method, int index) {
    Optional<SlotParams> own = ownSnapshotParam(method, index);
    if (own.isPresent()) {
      return own;
    }
    for (MethodSymbol overridden : superMethods(method)) {
      Optional<SlotParams> inherited = ownSnapshotParam(overridden, index);
      if (inherited.isPresent()) {
        return inherited;
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean snapshotLockHeld(MethodSymbol method, int index) {
    if (ownLockHeld(method, index)) {
      return true;
    }
    for (MethodSymbol overridden : superMethods(method)) {
      if (ownLockHeld(overridden, index)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean handleLockHeld(MethodSymbol method, int index) {
    if (ownHandleLockHeld(method, index)) {
      return true;
    }
    for (MethodSymbol overridden : superMethods(method)) {
      if (ownHandleLockHeld(overridden, index)) {
        return true;
      }
    }
    return false;
  }

  private static boolean ownHandleLockHeld(MethodSymbol method, int index) {
    List<VarSymbol> params = method.getParameters();
    return index < params.size()
        && AnnotationValues.find(params.get(index), "LockHeld").isPresent();
  }

  private static boolean ownLockHeld(MethodSymbol method, int index) {
    List<VarSymbol> params = method.getParameters();
    return index < params.size()
        && AnnotationValues.find(params.get(index), "Snapshot")
            .map(a -> AnnotationValues.bool(a, "lockHeld", false))
            .orElse(false);
  }

  private Optional<SlotParams> ownSnapshotParam(MethodSymbol method, int index) {
    List<VarSymbol> params = method.getParameters();
    if (index >= params.size()) {
      return Optional.empty();
    }
    return AnnotationValues.find(params.get(index), "Snapshot")
        .map(
            a -> {
              ImmutableList<String> names = AnnotationValues.strings(a, "value");
              // No names: the method does not receive the slot, only the caller's snapshot.
              return names.isEmpty()
                  ? SlotParams.NONE
                  : resolve(method, names, "@Snapshot").orElse(SlotParams.NONE);
            });
  }

  @Override
  public MethodLocks methodLocks(MethodSymbol method) {
    return new MethodLocks(
        lockNames(method, "Holding"),
        lockNames(method, "AcquiresLock"),
        lockNames(method, "ReleasesLock"));
  }

  private static ImmutableList<String> lockNames(MethodSymbol method, String annotation) {
    return AnnotationValues.find(method, annotation)
        .map(
            a ->
                AnnotationValues.strings(a, "value").stream()
                    .map(String::strip)
                    .collect(ImmutableList.toImmutableList()))
        .orElse(ImmutableList.of());
  }

  @Override
  public HintContract hints(MethodSymbol method) {
    ImmutableSet.Builder<VarSymbol> racy = ImmutableSet.builder();
    AnnotationValues.find(method, "RacyHint")
        .ifPresent(
            a -> {
              for (String name : AnnotationValues.strings(a, "value")) {
                VarSymbol field = HintNames.field(method, name.strip());
                if (field != null) {
                  racy.add(field);
                }
              }
            });
    ImmutableMap.Builder<Integer, VarSymbol> validates = ImmutableMap.builder();
    List<VarSymbol> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      Optional<Attribute.Compound> a = AnnotationValues.find(params.get(i), "ValidatesHint");
      VarSymbol field =
          a.isEmpty()
              ? null
              : HintNames.field(method, AnnotationValues.string(a.get(), "value", "").strip());
      if (field != null) {
        validates.put(i, field);
      }
    }
    HintContract contract = new HintContract(racy.build(), validates.buildOrThrow());
    return contract.isEmpty() ? HintContract.NONE : contract;
  }

  @Override
  public OptionalInt filledUnderLockOf(MethodSymbol method, int index) {
    List<VarSymbol> params = method.getParameters();
    if (index >= params.size()) {
      return OptionalInt.empty();
    }
    Optional<Attribute.Compound> filled =
        AnnotationValues.find(params.get(index), "FilledUnderLockOf");
    if (filled.isEmpty()) {
      return OptionalInt.empty();
    }
    // A name that is no other array parameter states nothing (UnknownContractName reports it).
    Optional<SlotParams> of =
        resolve(method, AnnotationValues.strings(filled.get(), "value"), "@FilledUnderLockOf");
    if (of.isEmpty() || of.get().indices().size() != 1) {
      return OptionalInt.empty();
    }
    int other = of.get().indices().get(0);
    return other != index
            && params.get(index).type.hasTag(com.sun.tools.javac.code.TypeTag.ARRAY)
            && params.get(other).type.hasTag(com.sun.tools.javac.code.TypeTag.ARRAY)
        ? OptionalInt.of(other)
        : OptionalInt.empty();
  }

  @Override
  public ImmutableSet<VarSymbol> singleWriterOf(MethodSymbol method) {
    return AnnotationValues.find(method, "SingleWriter")
        .map(
            a ->
                SingleWriterNames.fields(
                    method,
                    AnnotationValues.strings(a, "value"),
                    f -> AnnotationValues.find(f, "ReadOnce").isPresent()))
        .orElse(ImmutableSet.of());
  }

  @Override
  public ImmutableSet<MethodSymbol> singleWriters(VarSymbol field) {
    if (!(field.owner instanceof Symbol.ClassSymbol owner)) {
      return ImmutableSet.of();
    }
    return writersByClass
        .computeIfAbsent(owner, this::writersOf)
        .getOrDefault(field, ImmutableSet.of());
  }

  /** The single writers each slot of a class has: its methods that name the slot. */
  private Map<VarSymbol, ImmutableSet<MethodSymbol>> writersOf(Symbol.ClassSymbol owner) {
    Map<VarSymbol, ImmutableSet.Builder<MethodSymbol>> found = new HashMap<>();
    for (Symbol member : ASTHelpers.getEnclosedElements(owner)) {
      if (member instanceof MethodSymbol m) {
        for (VarSymbol f : singleWriterOf(m)) {
          found.computeIfAbsent(f, k -> ImmutableSet.builder()).add(m);
        }
      }
    }
    Map<VarSymbol, ImmutableSet<MethodSymbol>> out = new HashMap<>();
    found.forEach((f, b) -> out.put(f, b.build()));
    return out;
  }

  @Override
  public boolean hasContract(Symbol symbol) {
    return AnnotationValues.hasAny(symbol);
  }

  private Optional<SlotParams> params(MethodSymbol method, Attribute.Compound annotation) {
    return resolve(
        method,
        AnnotationValues.strings(annotation, "value"),
        "@" + annotation.type.tsym.getSimpleName());
  }

  /**
   * Maps parameter names to positions. A name that matches no parameter makes the whole contract
   * unusable (empty), rather than silently designating another slot.
   */
  private Optional<SlotParams> resolve(
      MethodSymbol method, ImmutableList<String> names, String annotation) {
    if (names.isEmpty()) {
      return Optional.of(SlotParams.RECEIVER);
    }
    List<VarSymbol> params = method.getParameters();
    ImmutableList.Builder<Integer> indices = ImmutableList.builder();
    for (String name : names) {
      int found = -1;
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).getSimpleName().contentEquals(name.strip())) {
          found = i;
        }
      }
      if (found < 0) {
        String message =
            String.format(
                "[ReadOnce] %s on %s.%s names parameter '%s', which the method does not have; the"
                    + " contract is ignored. If %s comes from a library, compile it with"
                    + " -parameters (Maven: <parameters>true</parameters>) so its parameter names"
                    + " are kept",
                annotation,
                method.owner.getSimpleName(),
                method,
                name.strip(),
                method.owner.getSimpleName());
        if (warned.add(message)) {
          warn.accept(message);
        }
        return Optional.empty();
      }
      indices.add(found);
    }
    return Optional.of(new SlotParams(indices.build()));
  }
}

package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.util.Context;
import dev.readonce.annotations.PointerTest.Shows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@link Contracts} read from declarations files. The members are resolved to symbols on first use,
 * once per compilation, and every problem (malformed lines and members that do not resolve) is
 * handed to the problem sink then, in file and line order. Lookups are by symbol identity.
 */
public final class DeclaredContracts implements Contracts {

  /** The resolved entries, keyed by the symbols they are about. */
  private record Symbols(
      ImmutableMap<VarSymbol, SlotDecl> slots,
      ImmutableMap<MethodSymbol, AccessorDecl> accessors,
      ImmutableSet<ClassSymbol> stableHandles,
      ImmutableMap<MethodSymbol, SlotParams> locks,
      ImmutableSet<MethodSymbol> revalidates,
      ImmutableMap<MethodSymbol, Integer> descends,
      ImmutableMap<MethodSymbol, Shows> pointerTests,
      ImmutableMap<MethodSymbol, ModifiesDecl> modifies,
      ImmutableMap<MethodSymbol, ImmutableMap<Integer, SlotParams>> snapshots,
      ImmutableSetMultimap<MethodSymbol, Integer> lockHeld,
      ImmutableMap<MethodSymbol, MethodLocks> methodLocks,
      ImmutableMap<MethodSymbol, HintContract> hints,
      ImmutableMap<MethodSymbol, ImmutableSet<VarSymbol>> singleWriterOf,
      ImmutableSetMultimap<VarSymbol, MethodSymbol> singleWriters,
      ImmutableSet<Symbol> all,
      ImmutableMap<MethodSymbol, ImmutableMap<Integer, Integer>> filledUnderLockOf) {}

  private final Declarations declarations;
  private final DeclaredResolver resolver;
  private final Consumer<DeclaredProblem> problems;
  private @Nullable Symbols symbols;
  private boolean usable;

  private DeclaredContracts(
      Declarations declarations, DeclaredResolver resolver, Consumer<DeclaredProblem> problems) {
    this.declarations = declarations;
    this.resolver = resolver;
    this.problems = problems;
  }

  /**
   * The declared contracts of one compilation.
   *
   * @param problems receives every problem once, on first use
   */
  public static DeclaredContracts create(
      Context context, Declarations declarations, Consumer<DeclaredProblem> problems) {
    return new DeclaredContracts(declarations, new DeclaredResolver(context), problems);
  }

  /**
   * Whether the declarations hold no error (malformed line, or member that is not there); resolves
   * them and reports their problems on the first call.
   */
  public boolean usable() {
    symbols();
    return usable;
  }

  private Symbols symbols() {
    if (symbols == null) {
      List<DeclaredProblem> found = new ArrayList<>(declarations.problems());
      symbols = resolve(found);
      found.sort(
          Comparator.comparingInt(
                  (DeclaredProblem p) -> declarations.files().indexOf(p.origin().file()))
              .thenComparingInt(p -> p.origin().line()));
      usable = found.stream().noneMatch(p -> p.severity() == DeclaredProblem.Severity.ERROR);
      found.forEach(problems);
    }
    return symbols;
  }

  private Symbols resolve(List<DeclaredProblem> found) {
    Map<VarSymbol, SlotDecl> slots = new LinkedHashMap<>();
    Map<MethodSymbol, AccessorDecl> accessors = new LinkedHashMap<>();
    ImmutableSet.Builder<ClassSymbol> stableHandles = ImmutableSet.builder();
    Map<MethodSymbol, SlotParams> locks = new LinkedHashMap<>();
    ImmutableSet.Builder<MethodSymbol> revalidates = ImmutableSet.builder();
    Map<MethodSymbol, Integer> descends = new LinkedHashMap<>();
    Map<MethodSymbol, Shows> pointerTests = new LinkedHashMap<>();
    Map<MethodSymbol, ModifiesDecl> modifies = new LinkedHashMap<>();
    Map<MethodSymbol, Map<Integer, SlotParams>> snapshots = new LinkedHashMap<>();
    ImmutableSetMultimap.Builder<MethodSymbol, Integer> lockHeld = ImmutableSetMultimap.builder();
    Map<MethodSymbol, MethodLocks> methodLocks = new LinkedHashMap<>();
    Map<DeclaredEntry.Hint, MethodSymbol> hintEntries = new LinkedHashMap<>();
    ImmutableSet.Builder<Symbol> all = ImmutableSet.builder();
    Map<MethodSymbol, Map<Integer, Integer>> filled = new LinkedHashMap<>();
    // Resolved after the loop: their slots may be declared on later lines.
    Map<DeclaredEntry.SingleWriter, MethodSymbol> writerEntries = new LinkedHashMap<>();
    for (DeclaredEntry entry : declarations.entries()) {
      DeclaredResolver.Resolution r = resolver.resolve(entry.member());
      Symbol symbol = r.symbol();
      if (symbol == null) {
        found.add(
            r.classMissing()
                ? DeclaredProblem.warning(
                    entry.origin(),
                    r.reason() + "; the entry for " + entry.member() + " is ignored")
                : DeclaredProblem.error(entry.origin(), r.reason()));
        continue;
      }
      String invalid = invalid(entry, symbol);
      if (invalid != null) {
        found.add(DeclaredProblem.error(entry.origin(), invalid));
        continue;
      }
      all.add(symbol);
      if (entry instanceof DeclaredEntry.Slot e) {
        slots.put((VarSymbol) symbol, e.decl());
      } else if (entry instanceof DeclaredEntry.Accessor e) {
        accessors.put((MethodSymbol) symbol, e.decl());
      } else if (entry instanceof DeclaredEntry.StableHandle) {
        stableHandles.add((ClassSymbol) symbol);
      } else if (entry instanceof DeclaredEntry.LocksSlot e) {
        locks.put((MethodSymbol) symbol, e.slot());
      } else if (entry instanceof DeclaredEntry.Revalidates) {
        revalidates.add((MethodSymbol) symbol);
      } else if (entry instanceof DeclaredEntry.Descends e) {
        descends.put((MethodSymbol) symbol, e.snapshot());
      } else if (entry instanceof DeclaredEntry.PointerTest e) {
        pointerTests.put((MethodSymbol) symbol, e.shows());
      } else if (entry instanceof DeclaredEntry.ModifiesSlot e) {
        modifies.put((MethodSymbol) symbol, e.decl());
      } else if (entry instanceof DeclaredEntry.Snapshot e) {
        snapshots
            .computeIfAbsent((MethodSymbol) symbol, m -> new HashMap<>())
            .put(e.parameter(), e.slot());
      } else if (entry instanceof DeclaredEntry.LockHeld e) {
        lockHeld.put((MethodSymbol) symbol, e.parameter());
      } else if (entry instanceof DeclaredEntry.LockNames e) {
        MethodLocks one =
            switch (e.use()) {
              case HOLDING -> new MethodLocks(e.locks(), ImmutableList.of(), ImmutableList.of());
              case ACQUIRES -> new MethodLocks(ImmutableList.of(), e.locks(), ImmutableList.of());
              case RELEASES -> new MethodLocks(ImmutableList.of(), ImmutableList.of(), e.locks());
            };
        methodLocks.merge((MethodSymbol) symbol, one, MethodLocks::or);
      } else if (entry instanceof DeclaredEntry.Hint e) {
        hintEntries.put(e, (MethodSymbol) symbol);
      } else if (entry instanceof DeclaredEntry.SingleWriter e) {
        writerEntries.put(e, (MethodSymbol) symbol);
      } else if (entry instanceof DeclaredEntry.FilledUnderLockOf e) {
        filled
            .computeIfAbsent((MethodSymbol) symbol, m -> new LinkedHashMap<>())
            .put(e.parameter(), e.of());
      }
    }
    // After every slot entry, so that a hint may name a slot declared further down.
    Map<MethodSymbol, HintContract> hints =
        HintResolution.resolve(hintEntries, slots.keySet(), found);
    ImmutableMap.Builder<MethodSymbol, ImmutableSet<VarSymbol>> singleWriterOf =
        ImmutableMap.builder();
    ImmutableSetMultimap.Builder<VarSymbol, MethodSymbol> singleWriters =
        ImmutableSetMultimap.builder();
    writerEntries.forEach(
        (e, method) -> {
          // A slot is declared in a file or annotated in the class (the checks see both).
          java.util.function.Predicate<VarSymbol> isSlot =
              f -> slots.containsKey(f) || AnnotationValues.find(f, "ReadOnce").isPresent();
          ImmutableList<String> wrong = SingleWriterNames.problems(method, e.slots(), isSlot);
          if (!wrong.isEmpty()) {
            wrong.forEach(w -> found.add(DeclaredProblem.error(e.origin(), w)));
            return;
          }
          ImmutableSet<VarSymbol> fields = SingleWriterNames.fields(method, e.slots(), isSlot);
          singleWriterOf.put(method, fields);
          fields.forEach(f -> singleWriters.put(f, method));
        });
    ImmutableMap.Builder<MethodSymbol, ImmutableMap<Integer, Integer>> filledParams =
        ImmutableMap.builder();
    filled.forEach((m, params) -> filledParams.put(m, ImmutableMap.copyOf(params)));
    ImmutableMap.Builder<MethodSymbol, ImmutableMap<Integer, SlotParams>> snapshotParams =
        ImmutableMap.builder();
    snapshots.forEach((m, params) -> snapshotParams.put(m, ImmutableMap.copyOf(params)));
    return new Symbols(
        ImmutableMap.copyOf(slots),
        ImmutableMap.copyOf(accessors),
        stableHandles.build(),
        ImmutableMap.copyOf(locks),
        revalidates.build(),
        ImmutableMap.copyOf(descends),
        ImmutableMap.copyOf(pointerTests),
        ImmutableMap.copyOf(modifies),
        snapshotParams.buildOrThrow(),
        lockHeld.build(),
        ImmutableMap.copyOf(methodLocks),
        ImmutableMap.copyOf(hints),
        singleWriterOf.buildOrThrow(),
        singleWriters.build(),
        all.build(),
        filledParams.buildOrThrow());
  }

  /** What makes a resolved entry unusable, or null: checks the annotations cannot express. */
  private static @Nullable String invalid(DeclaredEntry entry, Symbol symbol) {
    if (entry instanceof DeclaredEntry.Slot slot
        && slot.decl().lock().kind() == LockSpec.Kind.FIELD
        && !slot.decl().lock().field().equals("this")) {
      String lock = slot.decl().lock().field();
      if (FieldNames.declaredIn(symbol.owner, lock) == null) {
        return "no lock field '"
            + lock
            + "' in "
            + symbol.owner.getQualifiedName()
            + " (the lock field must be declared in the slot's class)";
      }
    }
    if (entry instanceof DeclaredEntry.LockNames names) {
      String problem = MethodLockNames.problem((MethodSymbol) symbol, names.locks());
      if (problem != null) {
        return problem;
      }
    }
    if (entry instanceof DeclaredEntry.FilledUnderLockOf filled) {
      MethodSymbol method = (MethodSymbol) symbol;
      String param = notAnArray(method, filled.parameter(), "param");
      return param != null ? param : notAnArray(method, filled.of(), "of");
    }
    if ((entry instanceof DeclaredEntry.PointerTest || entry instanceof DeclaredEntry.Revalidates)
        && ((MethodSymbol) symbol).getReturnType().getTag() != TypeTag.BOOLEAN) {
      return entry.member().name() + " must return boolean to be a test";
    }
    return null;
  }

  /** Why parameter {@code index} (given by {@code key}) cannot hold an array, or null. */
  private static @Nullable String notAnArray(MethodSymbol method, int index, String key) {
    com.sun.tools.javac.code.Type type = method.type.getParameterTypes().get(index);
    if (type.hasTag(TypeTag.ARRAY)) {
      return null;
    }
    return "'"
        + key
        + "' is parameter "
        + index
        + " of "
        + method.getSimpleName()
        + " ("
        + type
        + "), not an array; 'filled-under-lock-of' relates two array parameters";
  }

  @Override
  public Optional<SlotDecl> slotField(VarSymbol field) {
    return Optional.ofNullable(symbols().slots().get(field));
  }

  @Override
  public Optional<AccessorDecl> accessor(MethodSymbol method) {
    AccessorDecl decl = symbols().accessors().get(method);
    if (decl == null) {
      return Optional.empty();
    }
    // As for annotations: an accessor of a stable handle class reads a stable slot.
    boolean stable = decl.slot().stableAfterPointer() || stableHandleType(method.owner.type.tsym);
    return Optional.of(new AccessorDecl(new SlotDecl(decl.slot().lock(), stable), decl.atomic()));
  }

  @Override
  public boolean stableHandleType(TypeSymbol type) {
    ImmutableSet<ClassSymbol> stable = symbols().stableHandles();
    if (stable.isEmpty()) {
      return false;
    }
    for (Symbol t = type; t instanceof ClassSymbol c; ) {
      if (stable.contains(c)) {
        return true;
      }
      t = c.getSuperclass() == null ? null : c.getSuperclass().tsym;
    }
    return false;
  }

  @Override
  public Optional<SlotParams> locksSlot(MethodSymbol method) {
    return Optional.ofNullable(symbols().locks().get(method));
  }

  @Override
  public boolean revalidates(MethodSymbol method) {
    return symbols().revalidates().contains(method);
  }

  @Override
  public OptionalInt descends(MethodSymbol method) {
    Integer snapshot = symbols().descends().get(method);
    return snapshot == null ? OptionalInt.empty() : OptionalInt.of(snapshot);
  }

  @Override
  public Optional<Shows> pointerTest(MethodSymbol method) {
    return Optional.ofNullable(symbols().pointerTests().get(method));
  }

  @Override
  public Optional<ModifiesDecl> modifies(MethodSymbol method) {
    return Optional.ofNullable(symbols().modifies().get(method));
  }

  @Override
  public Optional<SlotParams> snapshotParam(MethodSymbol method, int index) {
    ImmutableMap<MethodSymbol, ImmutableMap<Integer, SlotParams>> snapshots = symbols().snapshots();
    if (snapshots.isEmpty()) {
      return Optional.empty();
    }
    SlotParams own = snapshots.getOrDefault(method, ImmutableMap.of()).get(index);
    if (own != null) {
      return Optional.of(own);
    }
    // Overrides, lambdas and method references inherit the contract of the method they implement.
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, resolver.types())) {
      SlotParams inherited = snapshots.getOrDefault(overridden, ImmutableMap.of()).get(index);
      if (inherited != null) {
        return Optional.of(inherited);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean handleLockHeld(MethodSymbol method, int index) {
    ImmutableSetMultimap<MethodSymbol, Integer> held = symbols().lockHeld();
    if (held.isEmpty()) {
      return false;
    }
    if (held.containsEntry(method, index)) {
      return true;
    }
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, resolver.types())) {
      if (held.containsEntry(overridden, index)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public MethodLocks methodLocks(MethodSymbol method) {
    return symbols().methodLocks().getOrDefault(method, MethodLocks.NONE);
  }

  @Override
  public HintContract hints(MethodSymbol method) {
    return symbols().hints().getOrDefault(method, HintContract.NONE);
  }

  @Override
  public ImmutableSet<VarSymbol> singleWriterOf(MethodSymbol method) {
    return symbols().singleWriterOf().getOrDefault(method, ImmutableSet.of());
  }

  @Override
  public ImmutableSet<MethodSymbol> singleWriters(VarSymbol field) {
    return symbols().singleWriters().get(field);
  }

  @Override
  public OptionalInt filledUnderLockOf(MethodSymbol method, int index) {
    Integer of = symbols().filledUnderLockOf().getOrDefault(method, ImmutableMap.of()).get(index);
    return of == null ? OptionalInt.empty() : OptionalInt.of(of);
  }

  @Override
  public boolean hasContract(Symbol symbol) {
    return symbols().all().contains(symbol);
  }
}

package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.TypeTag;
import dev.readonce.annotations.ReadOnce;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the names a ReadOnce annotation gives (a lock field, parameters) against the declaration
 * it is on, as the declarations parser does for a declarations file: a name that designates nothing
 * would otherwise make the contract silently mean something else, or nothing.
 */
public final class ContractNames {

  private ContractNames() {}

  /**
   * What the annotation names that does not exist, one message per bad name; empty when every name
   * resolves, and for annotations that name nothing.
   *
   * @param annotation the annotation, as javac attributed it
   * @param on the symbol of the declaration it is on (field, method, parameter or local)
   * @param method the method whose parameters a parameter or local annotation may name
   */
  public static ImmutableList<String> problems(
      Attribute.Compound annotation, Symbol on, @Nullable MethodSymbol method) {
    Symbol type = annotation.type.tsym;
    if (type == null || !type.getQualifiedName().toString().startsWith(AnnotationValues.PACKAGE)) {
      return ImmutableList.of();
    }
    String name = type.getSimpleName().toString();
    return switch (name) {
      case "ReadOnce" -> lock(annotation, on);
      case "LocksSlot", "ModifiesSlot" ->
          on instanceof MethodSymbol m ? parameters(annotation, name, m) : ImmutableList.of();
      case "Snapshot" -> method == null ? ImmutableList.of() : parameters(annotation, name, method);
      case "FilledUnderLockOf" ->
          method == null ? ImmutableList.of() : filledUnderLockOf(annotation, on, method);
      case "Holding", "AcquiresLock", "ReleasesLock" ->
          on instanceof MethodSymbol m ? locks(annotation, name, m) : ImmutableList.of();
      case "RacyHint", "ValidatesHint" ->
          method == null ? ImmutableList.of() : hintFields(annotation, name, method);
      case "SingleWriter" ->
          on instanceof MethodSymbol m ? singleWriter(annotation, m) : ImmutableList.of();
      default -> ImmutableList.of();
    };
  }

  /** {@code lock = ...}: empty, {@code "this"}, the held value, or a field of the owner class. */
  private static ImmutableList<String> lock(Attribute.Compound annotation, Symbol on) {
    String lock = AnnotationValues.string(annotation, "lock", "");
    if (lock.isEmpty()
        || lock.equals("this")
        || lock.equals(ReadOnce.HELD_VALUE)
        || !(on.owner instanceof ClassSymbol owner)) {
      return ImmutableList.of();
    }
    if (FieldNames.declaredIn(owner, lock) != null) {
      return ImmutableList.of();
    }
    return ImmutableList.of(
        String.format(
            "@ReadOnce(lock = \"%s\"): %s has no field '%s'; the lock must be a field declared in"
                + " the slot's class (%s), \"this\", \"\" (taken through @LocksSlot methods) or"
                + " ReadOnce.HELD_VALUE",
            lock,
            owner.getSimpleName(),
            lock,
            FieldNames.listing(owner, on::equals, "it has no other field")));
  }

  /** Each name of the {@code value} element is {@code "this"} or a field of the method's class. */
  private static ImmutableList<String> locks(
      Attribute.Compound annotation, String name, MethodSymbol method) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (String n : AnnotationValues.strings(annotation, "value")) {
      String problem = MethodLockNames.problem(method, List.of(n.strip()));
      if (problem != null) {
        out.add(String.format("@%s(\"%s\"): %s", name, n.strip(), problem));
      }
    }
    return out.build();
  }

  /** Each name of the {@code value} element is a field of the method's or an enclosing class. */
  private static ImmutableList<String> hintFields(
      Attribute.Compound annotation, String name, MethodSymbol method) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (String n : AnnotationValues.strings(annotation, "value")) {
      String problem = HintNames.problem(method, n.strip());
      if (problem != null) {
        out.add(String.format("@%s(\"%s\"): %s", name, n.strip(), problem));
      }
    }
    return out.build();
  }

  /**
   * {@code @FilledUnderLockOf("tab")} on an array parameter names another array parameter of the
   * same method.
   */
  private static ImmutableList<String> filledUnderLockOf(
      Attribute.Compound annotation, Symbol on, MethodSymbol method) {
    ImmutableList<String> unknown = parameters(annotation, "FilledUnderLockOf", method);
    if (!unknown.isEmpty()) {
      return unknown;
    }
    String name = AnnotationValues.string(annotation, "value", "").strip();
    String prefix = String.format("@FilledUnderLockOf(\"%s\"): ", name);
    ImmutableList.Builder<String> out = ImmutableList.builder();
    if (!on.type.hasTag(TypeTag.ARRAY)) {
      out.add(prefix + notAnArray(on));
    }
    for (VarSymbol p : method.getParameters()) {
      if (!p.getSimpleName().contentEquals(name)) {
        continue;
      }
      if (p.equals(on)) {
        out.add(
            prefix
                + "names the parameter it is on; name the other array parameter whose slot's lock"
                + " covers the stores");
      } else if (!p.type.hasTag(TypeTag.ARRAY)) {
        out.add(prefix + notAnArray(p));
      }
    }
    return out.build();
  }

  /** Each name of the {@code value} element is a {@code @ReadOnce} field of the method's class. */
  private static ImmutableList<String> singleWriter(
      Attribute.Compound annotation, MethodSymbol method) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (String n : AnnotationValues.strings(annotation, "value")) {
      String problem =
          SingleWriterNames.problem(
              method, n.strip(), f -> AnnotationValues.find(f, "ReadOnce").isPresent());
      if (problem != null) {
        out.add(String.format("@SingleWriter(\"%s\"): %s", n.strip(), problem));
      }
    }
    return out.build();
  }

  private static String notAnArray(Symbol parameter) {
    return "parameter '" + parameter.getSimpleName() + "' (" + parameter.type + ") is not an array";
  }

  /** Each name of the {@code value} element is a parameter of the method. */
  private static ImmutableList<String> parameters(
      Attribute.Compound annotation, String name, MethodSymbol method) {
    ImmutableList<String> names = AnnotationValues.strings(annotation, "value");
    List<String> params =
        method.getParameters().stream()
            .map(p -> p.getSimpleName().toString())
            .collect(Collectors.toList());
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (String n : names) {
      if (!params.contains(n.strip())) {
        out.add(
            String.format(
                "@%s(\"%s\"): %s has no parameter '%s'; %s",
                name,
                n.strip(),
                method.isConstructor() ? method.owner.getSimpleName() : method.getSimpleName(),
                n.strip(),
                params.isEmpty()
                    ? "it has no parameters"
                    : "its parameters: " + String.join(", ", params)));
      }
    }
    return out.build();
  }

  /** The ReadOnce annotation of the given tree's attribute, if it is one. */
  public static Optional<Attribute.Compound> readOnce(Attribute.@Nullable Compound attribute) {
    return attribute != null
            && attribute.type.tsym != null
            && attribute
                .type
                .tsym
                .getQualifiedName()
                .toString()
                .startsWith(AnnotationValues.PACKAGE)
        ? Optional.of(attribute)
        : Optional.empty();
  }
}

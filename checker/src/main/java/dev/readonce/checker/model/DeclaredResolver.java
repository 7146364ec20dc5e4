package dev.readonce.checker.model;

import com.google.common.base.Splitter;
import com.sun.tools.javac.code.ClassFinder;
import com.sun.tools.javac.code.Kinds.Kind;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.ModuleSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.comp.Modules;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds the javac symbols that declared members name, in one compilation: classes through the
 * symbol table and class finder (so a class the sources never mention is found too), fields by
 * name, methods by name and by the identity of their erased parameter types.
 */
final class DeclaredResolver {

  /**
   * The outcome for one member: its symbol, or why there is none.
   *
   * @param symbol the member's symbol, or null
   * @param classMissing whether the member's class (or a parameter's class) is not on the
   *     classpath, as opposed to being there without the member
   * @param reason what is missing, for messages
   */
  record Resolution(@Nullable Symbol symbol, boolean classMissing, String reason) {
    static Resolution of(Symbol symbol) {
      return new Resolution(symbol, false, "");
    }

    static Resolution missingClass(String name) {
      return new Resolution(null, true, "class '" + name + "' is not on the classpath");
    }

    static Resolution missing(String reason) {
      return new Resolution(null, false, reason);
    }
  }

  private final Symtab syms;
  private final ClassFinder finder;
  private final Modules modules;
  private final Names names;
  private final Types types;
  private final Map<String, Optional<ClassSymbol>> classes = new HashMap<>();

  /** Names whose outer class is there but a member class is not: typos, not missing jars. */
  private final Map<String, String> missingMembers = new HashMap<>();

  DeclaredResolver(Context context) {
    this.syms = Symtab.instance(context);
    this.finder = ClassFinder.instance(context);
    this.modules = Modules.instance(context);
    this.names = Names.instance(context);
    this.types = Types.instance(context);
  }

  Types types() {
    return types;
  }

  Resolution resolve(DeclaredMember member) {
    ClassSymbol owner = classNamed(member.owner());
    if (owner == null) {
      String missingMember = missingMembers.get(member.owner());
      return missingMember != null
          ? Resolution.missing(missingMember)
          : Resolution.missingClass(member.owner());
    }
    return switch (member.shape()) {
      case CLASS -> Resolution.of(owner);
      case FIELD -> field(owner, member);
      case METHOD -> method(owner, member);
    };
  }

  private Resolution field(ClassSymbol owner, DeclaredMember member) {
    Symbol field =
        owner.members().findFirst(names.fromString(member.name()), s -> s.kind == Kind.VAR);
    if (field instanceof VarSymbol) {
      return Resolution.of(field);
    }
    return Resolution.missing("no field '" + member.name() + "' in " + owner.getQualifiedName());
  }

  private Resolution method(ClassSymbol owner, DeclaredMember member) {
    List<Type> wanted = new ArrayList<>();
    for (String name : member.parameterTypes()) {
      Type type = typeNamed(name);
      if (type == null) {
        // The class is there, so a parameter type it cannot name is a typo, not a missing jar.
        return Resolution.missing(
            "parameter type '" + name + "' of " + member.name() + " is not on the classpath");
      }
      wanted.add(type);
    }
    List<MethodSymbol> sameName = new ArrayList<>();
    for (Symbol s : owner.members().getSymbolsByName(names.fromString(member.name()))) {
      if (s instanceof MethodSymbol m) {
        sameName.add(m);
        if (sameErasedParameters(m, wanted)) {
          return Resolution.of(m);
        }
      }
    }
    String found =
        sameName.isEmpty()
            ? "it declares no method of that name"
            : "it declares "
                + sameName.stream()
                    .map(m -> m.getSimpleName() + erasedParameters(m))
                    .sorted()
                    .collect(Collectors.joining(", "));
    return Resolution.missing(
        "no method "
            + member.name()
            + "("
            + String.join(", ", member.parameterTypes())
            + ") in "
            + owner.getQualifiedName()
            + "; "
            + found);
  }

  private boolean sameErasedParameters(MethodSymbol method, List<Type> wanted) {
    List<Type> actual = types.erasure(method.type).getParameterTypes();
    if (actual.size() != wanted.size()) {
      return false;
    }
    for (int i = 0; i < wanted.size(); i++) {
      if (!types.isSameType(wanted.get(i), types.erasure(actual.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** The erased parameter list of a method, for messages only. */
  private String erasedParameters(MethodSymbol method) {
    return types.erasure(method.type).getParameterTypes().stream()
        .map(Type::toString)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** The erased type a parameter type name denotes, or null when its class is not found. */
  private @Nullable Type typeNamed(String name) {
    int dims = 0;
    String base = name;
    while (base.endsWith("[]")) {
      base = base.substring(0, base.length() - 2);
      dims++;
    }
    Type type = primitive(base);
    if (type == null) {
      ClassSymbol c = classNamed(base.indexOf('.') < 0 ? "java.lang." + base : base);
      if (c == null) {
        return null;
      }
      type = types.erasure(c.type);
    }
    for (int i = 0; i < dims; i++) {
      type = new Type.ArrayType(type, syms.arrayClass);
    }
    return type;
  }

  private @Nullable Type primitive(String name) {
    return switch (name) {
      case "boolean" -> syms.booleanType;
      case "byte" -> syms.byteType;
      case "short" -> syms.shortType;
      case "char" -> syms.charType;
      case "int" -> syms.intType;
      case "long" -> syms.longType;
      case "float" -> syms.floatType;
      case "double" -> syms.doubleType;
      default -> null;
    };
  }

  /** The class a canonical name denotes, or null when it is not on the classpath. */
  @Nullable ClassSymbol classNamed(String canonical) {
    return classes.computeIfAbsent(canonical, n -> Optional.ofNullable(find(n))).orElse(null);
  }

  /**
   * Reads the canonical name left to right as javac does: the first prefix that is a class is the
   * top-level class, the rest are member classes. The compilation's own module is searched first,
   * then every other module of the compilation.
   */
  private @Nullable ClassSymbol find(String canonical) {
    List<String> parts = Splitter.on('.').splitToList(canonical);
    for (ModuleSymbol module : searchOrder()) {
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < parts.size(); i++) {
        if (prefix.length() > 0) {
          prefix.append('.');
        }
        prefix.append(parts.get(i));
        ClassSymbol c = load(module, names.fromString(prefix.toString()));
        if (c != null) {
          for (int j = i + 1; j < parts.size(); j++) {
            ClassSymbol member = memberClass(c, parts.get(j));
            if (member == null) {
              missingMembers.put(
                  canonical, "no member class '" + parts.get(j) + "' in " + c.getQualifiedName());
              return null;
            }
            c = member;
          }
          return c;
        }
      }
    }
    return null;
  }

  private Set<ModuleSymbol> searchOrder() {
    Set<ModuleSymbol> order = new LinkedHashSet<>();
    ModuleSymbol main = modules.getDefaultModule();
    order.add(main);
    if (main != syms.noModule) {
      order.addAll(modules.allModules());
    }
    return order;
  }

  private @Nullable ClassSymbol memberClass(ClassSymbol owner, String name) {
    Symbol member = owner.members().findFirst(names.fromString(name), s -> s.kind == Kind.TYP);
    return member instanceof ClassSymbol c ? c : null;
  }

  /**
   * A top-level class by flat name: one the compilation already knows (its sources included), or
   * one loaded from the classpath. A class that is not there leaves no trace in the symbol table
   * ({@link ClassFinder#loadClass} removes it again).
   */
  private @Nullable ClassSymbol load(ModuleSymbol module, Name flatName) {
    try {
      ClassSymbol known = syms.getClass(module, flatName);
      ClassSymbol c = known != null ? known : finder.loadClass(module, flatName);
      c.complete();
      return c.exists() && c.kind != Kind.ERR ? c : null;
    } catch (CompletionFailure e) {
      return null;
    }
  }
}

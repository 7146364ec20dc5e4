package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.checkerframework.errorprone.dataflow.cfg.node.ArrayAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BitwiseAndNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BitwiseComplementNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BitwiseOrNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BitwiseXorNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ClassNameNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.IntegerLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LeftShiftNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LongLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.NumericalAdditionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NumericalMinusNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NumericalMultiplicationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NumericalSubtractionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.SignedRightShiftNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ThisNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TypeCastNode;
import org.checkerframework.errorprone.dataflow.cfg.node.UnsignedRightShiftNode;
import org.checkerframework.errorprone.dataflow.cfg.node.WideningConversionNode;
import org.checkerframework.errorprone.javacutil.trees.DetachedVarSymbol;
import org.jspecify.annotations.Nullable;

/**
 * A path from a local variable, {@code this} or a class to a value: {@code pudp}, {@code
 * this.table}, {@code walk.mm}, {@code tab[i]}. Two syntactic occurrences with equal paths denote
 * the same memory as long as no variable or field on the path is reassigned in between.
 *
 * @param root where the path starts
 * @param steps field selections and constant or variable indices, outermost first
 */
public record AccessPath(Root root, ImmutableList<Step> steps) {

  /** The start of a path. */
  public sealed interface Root permits Local, This, Static, Old, Computed {}

  /** A local variable or parameter. */
  public record Local(VarSymbol variable) implements Root {
    @Override
    public boolean equals(@Nullable Object o) {
      return o == this || (o instanceof Local l && Objects.equals(variable, l.variable));
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(variable);
    }
  }

  /**
   * The value a local had before it was reassigned, kept alive by a temporary the CFG made for it
   * ({@code setTabAt(tab, i++, v)} stores into {@code tab[old i]}). Shown as the variable.
   *
   * @param variable the source variable
   * @param keeper the CFG's temporary holding the old value
   */
  public record Old(VarSymbol variable, VarSymbol keeper) implements Root {
    @Override
    public boolean equals(@Nullable Object o) {
      return o == this
          || (o instanceof Old l
              && Objects.equals(variable, l.variable)
              && Objects.equals(keeper, l.keeper));
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(variable) + Objects.hashCode(keeper);
    }
  }

  /**
   * An integer computed from other paths and constants by pure arithmetic ({@code (n - 1) & h}, the
   * index of a hash bin). It names no memory: it stands for a value, as an index step, so two
   * reads of {@code tabAt(tab, (n - 1) & h)} with {@code n} and {@code h} unchanged read one slot.
   * Reassigning a local it mentions ends it, as for any path.
   *
   * @param operator the Java operator, as written ({@code &}, {@code -}, {@code >>>})
   * @param operands one operand for a unary operator, two for a binary one; a constant is a path
   *     with a {@link Computed} root of no operands and its value as the operator
   */
  public record Computed(String operator, ImmutableList<AccessPath> operands) implements Root {
    @Override
    public boolean equals(@Nullable Object o) {
      return o == this
          || (o instanceof Computed c
              && Objects.equals(operator, c.operator)
              && Objects.equals(operands, c.operands));
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(operator) + Objects.hashCode(operands);
    }
  }

  /** The receiver of the enclosing method. */
  public record This() implements Root {
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof This;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** A class, for static fields. */
  public record Static(ClassSymbol owner) implements Root {
    @Override
    public boolean equals(@Nullable Object o) {
      return o == this || (o instanceof Static s && Objects.equals(owner, s.owner));
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(owner);
    }
  }

  /** One selection along a path. */
  public sealed interface Step permits Field, Index, ConstIndex, AnyIndex {}

  /** A field selection. */
  public record Field(VarSymbol field) implements Step {
    @Override
    public boolean equals(@Nullable Object o) {
      return o == this || (o instanceof Field f && Objects.equals(field, f.field));
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(field);
    }
  }

  /** An array index given by another path. */
  public record Index(AccessPath index) implements Step {
    @Override
    public boolean equals(@Nullable Object o) {
      return o == this || (o instanceof Index i && Objects.equals(index, i.index));
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(index);
    }
  }

  /** An array index given by a constant. */
  public record ConstIndex(long value) implements Step {
    @Override
    public boolean equals(@Nullable Object o) {
      return o == this || (o instanceof ConstIndex c && value == c.value);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(value);
    }
  }

  /** Every index of an array (a lock that covers all the array's slots). */
  public record AnyIndex() implements Step {
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof AnyIndex;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  private static final This THIS = new This();

  // Written out, here and in the roots and steps above (see SnapId): the record's generated
  // equals/hashCode go through method handles, slow before the JIT compiles them; every hashCode
  // is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof AccessPath p
            && Objects.equals(root, p.root)
            && Objects.equals(steps, p.steps));
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(root) + Objects.hashCode(steps);
  }

  public static AccessPath of(Root root) {
    return new AccessPath(root, ImmutableList.of());
  }

  public AccessPath with(Step step) {
    return new AccessPath(root, ImmutableList.<Step>builder().addAll(steps).add(step).build());
  }

  /**
   * Whether a local is a temporary the CFG introduced ({@code tempPostfix#num0}, {@code
   * switch#num1}, {@code condExpr#num2}, {@code array#num3}): javac identifiers cannot contain
   * {@code #}, and the Checker Framework names every temporary {@code base#numN}. It makes them
   * all as {@link DetachedVarSymbol}s (its {@code TreeBuilder}), so only those have their name
   * looked at: a javac name turned into a String is decoded anew each time, on a hot path.
   */
  public static boolean isSynthetic(VarSymbol variable) {
    return variable instanceof DetachedVarSymbol
        && variable.getSimpleName().toString().indexOf('#') >= 0;
  }

  /**
   * The path of a CFG node's value, from the values the transfer function computed: the path a
   * value carries (see {@link SlotValue#path()}), or for an lvalue, which the dataflow framework
   * never transfers, the path its parts name. Null is the one "unknown".
   */
  public static @Nullable AccessPath of(Node node, Function<Node, SlotValue> values) {
    AccessPath carried = values.apply(node).path();
    if (carried != null) {
      return carried;
    }
    if (node instanceof LocalVariableNode local) {
      return local.getElement() instanceof VarSymbol v && !isSynthetic(v) ? of(new Local(v)) : null;
    }
    if (node instanceof FieldAccessNode field && field.getElement() instanceof VarSymbol v) {
      if (isOuterThis(v)) {
        return of(THIS);
      }
      if (field.isStatic()) {
        return v.owner instanceof ClassSymbol c ? of(new Static(c)).with(new Field(v)) : null;
      }
      AccessPath receiver = of(field.getReceiver(), values);
      return receiver == null ? null : receiver.with(new Field(v));
    }
    if (node instanceof ArrayAccessNode access) {
      AccessPath array = of(access.getArray(), values);
      Step index = indexStep(access.getIndex(), values);
      return array == null || index == null ? null : array.with(index);
    }
    return null;
  }

  /** The step for an index expression, from the computed values: a constant or a path. */
  public static @Nullable Step indexStep(Node index, Function<Node, SlotValue> values) {
    Step constant = constantIndex(index);
    if (constant != null) {
      return constant;
    }
    AccessPath path = of(index, values);
    return path == null ? null : new Index(path);
  }

  private static @Nullable Step constantIndex(Node index) {
    if (index instanceof MethodInvocationNode boxing && isBoxing(boxing)) {
      return constantIndex(boxing.getArguments().get(0));
    }
    if (index instanceof IntegerLiteralNode i) {
      return new ConstIndex(i.getValue());
    }
    if (index instanceof LongLiteralNode l) {
      return new ConstIndex(l.getValue());
    }
    return null;
  }

  /**
   * The path of a CFG node's value read from its syntax alone, or null when the value is not
   * named by a path. Prefer {@link #of(Node, Function)}, which also sees through temporaries.
   */
  public static @Nullable AccessPath of(Node node) {
    if (node instanceof AssignmentNode assignment) {
      // `i = e` used as an expression denotes i.
      return of(assignment.getTarget());
    }
    if (node instanceof MethodInvocationNode boxing && isBoxing(boxing)) {
      return of(boxing.getArguments().get(0));
    }
    if (node instanceof TypeCastNode cast) {
      return of(cast.getOperand());
    }
    if (node instanceof WideningConversionNode widening) {
      return of(widening.getOperand());
    }
    if (node instanceof LocalVariableNode local) {
      Symbol symbol = (Symbol) local.getElement();
      return symbol instanceof VarSymbol v && !isSynthetic(v) ? of(new Local(v)) : null;
    }
    if (node instanceof ThisNode) {
      return of(THIS);
    }
    if (node instanceof FieldAccessNode field) {
      if (!(field.getElement() instanceof VarSymbol v)) {
        return null;
      }
      if (isOuterThis(v)) {
        return of(THIS);
      }
      if (field.isStatic()) {
        return v.owner instanceof ClassSymbol c ? of(new Static(c)).with(new Field(v)) : null;
      }
      AccessPath receiver = of(field.getReceiver());
      return receiver == null ? null : receiver.with(new Field(v));
    }
    if (node instanceof ArrayAccessNode access) {
      AccessPath array = of(access.getArray());
      Step index = indexStep(access.getIndex());
      return array == null || index == null ? null : array.with(index);
    }
    if (node instanceof ClassNameNode className
        && className.getElement() instanceof ClassSymbol c) {
      return of(new Static(c));
    }
    return null;
  }

  /**
   * Whether a field access is {@code Outer.this}: the enclosing instance, which the path names
   * {@code this}, as the implicit receiver of an outer field or method already is (an inner
   * class's own {@code this} and its enclosing instance are not told apart).
   */
  private static boolean isOuterThis(VarSymbol v) {
    return v.getSimpleName().contentEquals("this");
  }

  /** Whether the node is the CFG's spelling of autoboxing ({@code Integer.valueOf(i)}). */
  static boolean isBoxing(MethodInvocationNode call) {
    if (call.getInSource() || call.getArguments().size() != 1) {
      return false;
    }
    Symbol method = (Symbol) call.getTarget().getMethod();
    return method.getSimpleName().contentEquals("valueOf")
        && method.owner.getQualifiedName().toString().startsWith("java.lang.");
  }

  /** The step for an index expression: a constant or a path; null when neither. */
  public static @Nullable Step indexStep(Node index) {
    if (index instanceof MethodInvocationNode boxing && isBoxing(boxing)) {
      return indexStep(boxing.getArguments().get(0));
    }
    if (index instanceof IntegerLiteralNode i) {
      return new ConstIndex(i.getValue());
    }
    if (index instanceof LongLiteralNode l) {
      return new ConstIndex(l.getValue());
    }
    AccessPath path = of(index);
    return path == null ? null : new Index(path);
  }

  /** This path with every occurrence of a local replaced by another path (its old value). */
  public AccessPath substitute(VarSymbol variable, AccessPath replacement) {
    if (!mentions(variable)) {
      return this;
    }
    AccessPath out;
    if (root instanceof Local l && l.variable().equals(variable)) {
      out = replacement;
    } else if (root instanceof Computed c) {
      out =
          of(
              new Computed(
                  c.operator(),
                  c.operands().stream()
                      .map(o -> o.substitute(variable, replacement))
                      .collect(ImmutableList.toImmutableList())));
    } else {
      out = new AccessPath(root, ImmutableList.of());
    }
    for (Step s : steps) {
      out =
          out.with(
              s instanceof Index i ? new Index(i.index().substitute(variable, replacement)) : s);
    }
    return out;
  }

  /** Whether reassigning the given local or parameter changes what this path denotes. */
  public boolean mentions(VarSymbol variable) {
    if (root instanceof Local l && l.variable().equals(variable)) {
      return true;
    }
    if (root instanceof Computed c && c.operands().stream().anyMatch(o -> o.mentions(variable))) {
      return true;
    }
    for (Step s : steps) {
      if (s instanceof Field f && f.field().equals(variable)) {
        return true;
      }
      if (s instanceof Index i && i.index().mentions(variable)) {
        return true;
      }
    }
    return false;
  }

  /** Hands {@code into} every variable this path {@link #mentions} (a variable may come twice). */
  public void forEachMentioned(java.util.function.Consumer<VarSymbol> into) {
    if (root instanceof Local l) {
      into.accept(l.variable());
    } else if (root instanceof Computed c) {
      for (AccessPath o : c.operands()) {
        o.forEachMentioned(into);
      }
    }
    for (Step s : steps) {
      if (s instanceof Field f) {
        into.accept(f.field());
      } else if (s instanceof Index i) {
        i.index().forEachMentioned(into);
      }
    }
  }

  /** Whether the path stands for a computed value rather than for memory. */
  public boolean isComputed() {
    return root instanceof Computed && steps.isEmpty();
  }

  /**
   * The path of an integer computed by pure arithmetic from operands that each have a path or are
   * literals, or null. Division and remainder are left out (they may throw), as are floating point
   * and comparisons (which are tests, not values).
   */
  public static @Nullable AccessPath computed(Node node, Function<Node, SlotValue> values) {
    String operator = operator(node);
    if (operator == null) {
      return null;
    }
    ImmutableList.Builder<AccessPath> operands = ImmutableList.builder();
    for (Node operand : node.getOperands()) {
      AccessPath p = operandPath(operand, values);
      if (p == null) {
        return null;
      }
      operands.add(p);
    }
    return of(new Computed(operator, operands.build()));
  }

  private static @Nullable AccessPath operandPath(Node operand, Function<Node, SlotValue> values) {
    if (operand instanceof MethodInvocationNode boxing && isBoxing(boxing)) {
      return operandPath(boxing.getArguments().get(0), values);
    }
    if (operand instanceof IntegerLiteralNode i) {
      return constant(i.getValue());
    }
    if (operand instanceof LongLiteralNode l) {
      return constant(l.getValue());
    }
    return of(operand, values);
  }

  private static AccessPath constant(long value) {
    return of(new Computed(Long.toString(value), ImmutableList.of()));
  }

  private static @Nullable String operator(Node node) {
    if (node instanceof NumericalAdditionNode) {
      return "+";
    } else if (node instanceof NumericalSubtractionNode) {
      return "-";
    } else if (node instanceof NumericalMultiplicationNode) {
      return "*";
    } else if (node instanceof BitwiseAndNode) {
      return "&";
    } else if (node instanceof BitwiseOrNode) {
      return "|";
    } else if (node instanceof BitwiseXorNode) {
      return "^";
    } else if (node instanceof LeftShiftNode) {
      return "<<";
    } else if (node instanceof SignedRightShiftNode) {
      return ">>";
    } else if (node instanceof UnsignedRightShiftNode) {
      return ">>>";
    } else if (node instanceof NumericalMinusNode) {
      return "-";
    } else if (node instanceof BitwiseComplementNode) {
      return "~";
    }
    return null;
  }

  private static String render(Computed c) {
    List<AccessPath> ops = c.operands();
    if (ops.isEmpty()) {
      return c.operator();
    }
    if (ops.size() == 1) {
      return c.operator() + operand(ops.get(0));
    }
    return operand(ops.get(0)) + " " + c.operator() + " " + operand(ops.get(1));
  }

  private static String operand(AccessPath p) {
    return p.root() instanceof Computed c && !c.operands().isEmpty() && p.steps().isEmpty()
        ? "(" + p + ")"
        : p.toString();
  }

  /** Whether the path is a bare local variable or parameter. */
  public boolean isLocal() {
    return steps.isEmpty() && root instanceof Local;
  }

  /** The path as source text, without a leading {@code this.}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (root instanceof Local l) {
      out.append(l.variable().getSimpleName());
    } else if (root instanceof Old o) {
      out.append(o.variable().getSimpleName());
    } else if (root instanceof Static s) {
      out.append(s.owner().getSimpleName());
    } else if (root instanceof Computed c) {
      out.append(render(c));
    } else if (steps.isEmpty()) {
      out.append("this");
    }
    for (Step s : steps) {
      if (s instanceof Field f) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(f.field().getSimpleName());
      } else if (s instanceof Index i) {
        out.append('[').append(i.index()).append(']');
      } else if (s instanceof ConstIndex c) {
        out.append('[').append(c.value()).append(']');
      } else {
        out.append("[*]");
      }
    }
    return out.toString();
  }
}

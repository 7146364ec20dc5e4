package dev.readonce.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.method.MethodMatchers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import dev.readonce.checker.dataflow.FixPlan;
import org.jspecify.annotations.Nullable;

/** Turns the analysis's fix plans into source edits. */
final class Fixes {

  private Fixes() {}

  /** The whitespace before a statement on its line, to keep the next line where it was. */
  private static String indentation(com.sun.source.tree.Tree statement, VisitorState state) {
    CharSequence source = state.getSourceCode();
    int start = ((JCTree) statement).getStartPosition();
    if (source == null || start < 0) {
      return "";
    }
    int lineStart = start;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    String before = source.subSequence(lineStart, start).toString();
    return before.isBlank() ? before : "";
  }

  /** Deletes a statement, and its line when the statement is alone on it. */
  private static SuggestedFix deleteLine(com.sun.source.tree.Tree statement, VisitorState state) {
    CharSequence source = state.getSourceCode();
    int start = ((JCTree) statement).getStartPosition();
    int end = state.getEndPosition(statement);
    if (source == null || start < 0 || end < 0) {
      return SuggestedFix.delete(statement);
    }
    int lineStart = start;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    int lineEnd = end;
    while (lineEnd < source.length() && source.charAt(lineEnd) != '\n') {
      lineEnd++;
    }
    boolean alone =
        source.subSequence(lineStart, start).toString().isBlank()
            && source.subSequence(end, lineEnd).toString().isBlank()
            && lineEnd < source.length();
    return alone
        ? SuggestedFix.replace(lineStart, lineEnd + 1, "")
        : SuggestedFix.delete(statement);
  }

  /**
   * The source of a plain read made atomic, as {@link #toFix} would edit it in place: the call
   * renamed, or the handle's accessor called.
   */
  private static @Nullable String atomicSource(FixPlan plan, VisitorState state) {
    if (plan instanceof FixPlan.RenameCall rename
        && rename.call() instanceof MethodInvocationTree call
        && call.getTypeArguments().isEmpty()) {
      CharSequence source = state.getSourceCode();
      int nameEnd = state.getEndPosition(call.getMethodSelect());
      int callEnd = state.getEndPosition(call);
      if (source == null || nameEnd < 0 || callEnd < nameEnd) {
        return null;
      }
      String arguments = source.subSequence(nameEnd, callEnd).toString();
      if (call.getMethodSelect() instanceof MemberSelectTree select) {
        String receiver = state.getSourceForNode(select.getExpression());
        return receiver == null ? null : receiver + "." + rename.name() + arguments;
      }
      return rename.name() + arguments;
    }
    if (plan instanceof FixPlan.CallAccessor accessor) {
      String handle = state.getSourceForNode(accessor.handle());
      return handle == null ? null : handle + "." + accessor.accessor() + "()";
    }
    return null;
  }

  /** The signature-polymorphic reads: their result type is the cast around the call. */
  private static final Matcher<ExpressionTree> SIGNATURE_POLYMORPHIC =
      MethodMatchers.instanceMethod()
          .onExactClassAny("java.lang.invoke.VarHandle", "java.lang.invoke.MethodHandle");

  private static boolean signaturePolymorphic(
      com.sun.source.tree.Tree read, VisitorState state) {
    return read instanceof MethodInvocationTree call
        && SIGNATURE_POLYMORPHIC.matches(call, state);
  }

  static @Nullable SuggestedFix toFix(@Nullable FixPlan plan, VisitorState state) {
    if (plan instanceof FixPlan.RemoveReread remove) {
      return deleteLine(remove.statement(), state);
    }
    if (plan instanceof FixPlan.UseSnapshot use) {
      return SuggestedFix.replace(use.reread(), use.variable());
    }
    if (plan instanceof FixPlan.IntroduceSnapshot intro) {
      Type type = ((JCTree) intro.first()).type;
      if (type == null) {
        return null;
      }
      SuggestedFix.Builder fix = SuggestedFix.builder();
      String initializer =
          intro.atomicFirst() == null
              ? state.getSourceForNode(intro.first())
              : atomicSource(intro.atomicFirst(), state);
      if (initializer == null) {
        return null;
      }
      String typeName = SuggestedFixes.prettyType(state, fix, type);
      if (signaturePolymorphic(intro.first(), state)) {
        // VarHandle.get and friends return what the cast around them says; a local's declared
        // type is no such context, so the initializer keeps the cast the first read had.
        initializer = "(" + typeName + ") " + initializer;
      }
      fix.prefixWith(
          intro.statement(),
          typeName + " " + intro.name() + " = " + initializer + ";\n"
              + indentation(intro.statement(), state));
      fix.replace(intro.first(), intro.name());
      intro.rereads().forEach(reread -> fix.replace(reread, intro.name()));
      return fix.build();
    }
    if (plan instanceof FixPlan.RenameCall rename
        && rename.call() instanceof MethodInvocationTree call) {
      return SuggestedFixes.renameMethodInvocation(call, rename.name(), state);
    }
    if (plan instanceof FixPlan.CallAccessor accessor) {
      String atomic = atomicSource(accessor, state);
      return atomic == null ? null : SuggestedFix.replace(accessor.read(), atomic);
    }
    return null;
  }
}

package dev.readonce.checker;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AnnotationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import dev.readonce.checker.model.ContractNames;
import org.jspecify.annotations.Nullable;

/**
 * Reports a ReadOnce annotation that names something that does not exist: a lock field ({@code lock
 * = "noSuchLock"}), a parameter ({@code @LocksSlot("nope")}) or a slot ({@code @SingleWriter("i")},
 * which must be a slot field of the method's class). See {@code
 * checker/docs/UnknownContractName.md}.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A ReadOnce annotation names a lock field, parameter or slot that does not exist",
    severity = SeverityLevel.ERROR,
    linkType = LinkType.CUSTOM,
    link = Docs.BASE + "UnknownContractName.md")
public final class UnknownContractName extends BugChecker implements AnnotationTreeMatcher {

  @Override
  public Description matchAnnotation(AnnotationTree tree, VisitorState state) {
    var attribute = ContractNames.readOnce(((JCAnnotation) tree).attribute);
    if (attribute.isEmpty()) {
      return Description.NO_MATCH;
    }
    TreePath modifiers = state.getPath().getParentPath();
    if (modifiers == null
        || !(modifiers.getLeaf() instanceof ModifiersTree)
        || modifiers.getParentPath() == null) {
      return Description.NO_MATCH;
    }
    Symbol on = ASTHelpers.getSymbol(modifiers.getParentPath().getLeaf());
    if (on == null) {
      return Description.NO_MATCH;
    }
    MethodSymbol method = on instanceof MethodSymbol m ? m : enclosingMethod(modifiers);
    ImmutableList<String> problems = ContractNames.problems(attribute.get(), on, method);
    return problems.isEmpty()
        ? Description.NO_MATCH
        : buildDescription(tree).setMessage(String.join("; ", problems)).build();
  }

  /** The method a parameter or local variable belongs to (the nearest enclosing method). */
  private static @Nullable MethodSymbol enclosingMethod(TreePath from) {
    for (TreePath p = from; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree m) {
        return ASTHelpers.getSymbol(m);
      }
    }
    return null;
  }
}

package dev.readonce.checker.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.readonce.checker.model.Contracts;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fast path: a body that mentions no symbol carrying a ReadOnce contract cannot read, lock or
 * descend from a slot, so it is not analyzed. One scan of the body's identifiers, not entering
 * lambdas or nested classes (whose bodies are analyzed on their own); the answer per symbol is
 * cached for the compilation unit.
 */
final class Relevance {

  private final Contracts contracts;
  private final Map<Symbol, Boolean> bySymbol = new HashMap<>();

  Relevance(Contracts contracts) {
    this.contracts = contracts;
  }

  /**
   * The symbol a name mentions: an identifier's or member select's, or a method reference's method
   * ({@code this::enqueue} mentions {@code enqueue} as a call does); null for other trees.
   */
  static @Nullable Symbol mentioned(Tree tree) {
    if (tree instanceof JCTree.JCMemberReference reference) {
      return reference.sym;
    }
    return tree instanceof JCTree.JCIdent || tree instanceof JCTree.JCFieldAccess
        ? TreeInfo.symbol((JCTree) tree)
        : null;
  }

  boolean mentionsContract(Tree body) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean scan(Tree tree, Void unused) {
            if (tree == null) {
              return false;
            }
            Symbol symbol = mentioned(tree);
            if (symbol != null && bySymbol.computeIfAbsent(symbol, contracts::hasContract)) {
              return true;
            }
            return super.scan(tree, null);
          }

          // A lambda's body and a nested class's methods have CFGs of their own, analyzed (and
          // fast-pathed) on their own: what they mention says nothing about this body's CFG.
          @Override
          public Boolean visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
            return false;
          }

          @Override
          public Boolean visitClass(ClassTree tree, Void unused) {
            return false;
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(body, null);
    return Boolean.TRUE.equals(found);
  }
}

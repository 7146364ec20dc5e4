package dev.readonce.checker.dataflow;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import java.util.IdentityHashMap;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Everything the transfer function needs to know about the one method (or lambda) it analyzes,
 * besides the store: where passes start, line numbers, the tree's parents, liveness, the other
 * methods' summaries, and where findings go.
 */
public final class MethodContext {

  final CallModel calls;
  final Summaries summaries;
  final FindingSink sink = new FindingSink();
  // Not final: a long body analyzed in chunks switches them with its CFG (ChunkChain).
  PassBoundaries passes;
  Liveness liveness;
  final @Nullable MethodSymbol method;
  final boolean primitive;
  final boolean initializer;
  final boolean summarizable;
  /** The body's CFGs so far: one, or the chunks of a long body entered until now. */
  private final java.util.List<ControlFlowGraph> cfgs = new java.util.ArrayList<>();
  private final CompilationUnitTree unit;
  private final Tree body;
  private IdentityHashMap<Tree, Tree> parents;
  private final IdentityHashMap<Tree, Tree> postfixOf = new IdentityHashMap<>();
  private final IdentityHashMap<Tree, TestSite> testSites = new IdentityHashMap<>();
  private IdentityHashMap<com.sun.tools.javac.code.Symbol.VarSymbol, Tree> declarations;
  private final IdentityHashMap<Tree, String> freshNames = new IdentityHashMap<>();

  /**
   * @param method the analyzed method, or the functional interface method of a lambda
   * @param primitive whether the body is a slot primitive (accessor, store, lock or re-check
   *     helper), whose raw accesses are the primitive itself and are not judged
   * @param initializer whether the body initializes {@code this} (writes to its fields are not yet
   *     visible to other threads)
   * @param summarizable whether callers in this unit are the only callers (private, static or
   *     final), so a requirement on a snapshot parameter can be checked at call sites instead
   */
  public MethodContext(
      CallModel calls,
      Summaries summaries,
      ControlFlowGraph cfg,
      CompilationUnitTree unit,
      Tree body,
      @Nullable MethodSymbol method,
      boolean primitive,
      boolean initializer,
      boolean summarizable) {
    this.calls = calls;
    this.summaries = summaries;
    this.passes = PassBoundaries.of(cfg);
    cfg.getPostfixNodeLookup().forEach((unary, binary) -> postfixOf.put(binary, unary));
    this.liveness = new Liveness(cfg);
    this.cfgs.add(cfg);
    this.unit = unit;
    this.body = body;
    this.method = method;
    this.primitive = primitive;
    this.initializer = initializer;
    this.summarizable = summarizable;
  }

  /**
   * Goes on to the next chunk of a long body ({@link ChunkChain}): its CFG's loops and liveness.
   * Everything keyed by tree (parents, test sites, fresh names) and the findings stay the body's.
   */
  void enterChunk(ControlFlowGraph cfg, Liveness chunkLiveness) {
    this.passes = PassBoundaries.of(cfg);
    cfg.getPostfixNodeLookup().forEach((unary, binary) -> postfixOf.put(binary, unary));
    this.liveness = chunkLiveness;
    if (!cfgs.contains(cfg)) {
      cfgs.add(cfg);
    }
  }

  public FindingSink sink() {
    return sink;
  }

  /** The analyzed body (a method's block, or a lambda's body). */
  Tree body() {
    return body;
  }

  /**
   * The source tree a finding at this CFG tree belongs to: the CFG spells {@code x++} as an
   * artificial {@code x = x + 1}, which no matcher sees, so it is mapped back to {@code x++}.
   */
  Tree sourceTree(Tree tree) {
    if (tree instanceof com.sun.source.tree.AssignmentTree assignment) {
      Tree unary = postfixOf.get(assignment.getExpression());
      if (unary != null) {
        return unary;
      }
    }
    return tree;
  }

  int line(@Nullable Tree tree) {
    if (tree == null) {
      return 0;
    }
    return (int) unit.getLineMap().getLineNumber(TreeInfo.getStartPos((JCTree) tree));
  }

  /** Whether a tree is part of this method's source, not one the CFG made up. */
  boolean isSourceTree(Tree tree) {
    return tree == body || parents().containsKey(tree);
  }

  /** Whether a source tree of this method lies inside {@code ancestor} (or is it). */
  boolean isWithin(Tree ancestor, Tree tree) {
    IdentityHashMap<Tree, Tree> map = parents();
    for (Tree t = tree; t != null; t = map.get(t)) {
      if (t == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a test at this node decides ({@link TestSite}): inside the innermost loop statement
   * around it, or for the rest of the method. A node whose tree the CFG made up (in no source
   * position) decides for the rest of the method.
   */
  TestSite testSite(Node test) {
    Tree tree = test.getTree();
    if (tree == null || !isSourceTree(tree)) {
      return TestSite.METHOD;
    }
    // The fixpoint transfers a test node once per visit: walk its ancestry once.
    return testSites.computeIfAbsent(tree, this::innermostLoop);
  }

  private TestSite innermostLoop(Tree tree) {
    IdentityHashMap<Tree, Tree> map = parents();
    for (Tree t = map.get(tree); t != null; t = map.get(t)) {
      if (t instanceof com.sun.source.tree.ForLoopTree
          || t instanceof com.sun.source.tree.EnhancedForLoopTree
          || t instanceof com.sun.source.tree.WhileLoopTree
          || t instanceof com.sun.source.tree.DoWhileLoopTree) {
        return new TestSite(t);
      }
    }
    return TestSite.METHOD;
  }

  /**
   * Whether a test made at one of {@code sites} still decides at {@code at}: a test made inside a
   * loop decides only inside that loop, since the pass that made it ends when the loop is left (by
   * its condition, a {@code break} or a labelled {@code continue} of an outer loop). After {@code
   * for (;;) { v = s; if (v >= 3 || cas(v, 3)) break; }} the loop's test of {@code v} decides
   * nothing more; a test made before a loop still decides inside it (the enclosing pass goes on);
   * a variable holding the snapshot past the loop still decides where it is used (liveness, not
   * this). Inside is by tree ancestry (a loop's natural body in the CFG leaves out a tail that only
   * exits); a node whose tree the CFG made up is taken to be inside.
   */
  boolean decidesAt(java.util.Set<TestSite> sites, Node at) {
    Tree here = at.getTree();
    for (TestSite site : sites) {
      if (site.loop() == null
          || here == null
          || !isSourceTree(here)
          || isWithin(site.loop(), here)) {
        return true;
      }
    }
    return false;
  }

  /** The enclosing tree of a tree in this method, looking through parentheses. */
  @Nullable Tree parent(@Nullable Tree tree) {
    if (tree == null) {
      return null;
    }
    IdentityHashMap<Tree, Tree> map = parents();
    Tree p = map.get(tree);
    while (p instanceof com.sun.source.tree.ParenthesizedTree) {
      p = map.get(p);
    }
    return p;
  }

  private IdentityHashMap<Tree, Tree> parents() {
    if (parents == null) {
      IdentityHashMap<Tree, Tree> map = new IdentityHashMap<>();
      new TreeScanner<Void, Tree>() {
        @Override
        public Void scan(Tree node, Tree parent) {
          if (node != null) {
            map.put(node, parent);
            super.scan(node, node);
          }
          return null;
        }
      }.scan(body, null);
      parents = map;
    }
    return parents;
  }

  /** Whether a local is declared in a scope that includes the tree (parameters always are). */
  boolean inScope(com.sun.tools.javac.code.Symbol.VarSymbol variable, Tree at) {
    if (method != null && method.getParameters().contains(variable)) {
      return true;
    }
    Tree declaration = declarations().get(variable);
    if (declaration == null) {
      return variable.getKind() == javax.lang.model.element.ElementKind.PARAMETER;
    }
    Tree scope = parent(declaration);
    return scope != null
        && encloses(scope, at)
        && TreeInfo.getStartPos((JCTree) declaration) < TreeInfo.getStartPos((JCTree) at);
  }

  /**
   * The read-write lock view ({@code rw.readLock()}, {@code sl.asWriteLock()}) a final or
   * effectively final local was initialized with ({@code Lock r = rw.readLock(); r.lock();}), as
   * this CFG's node, or null: locking the local locks the view.
   */
  @Nullable MethodInvocationNode lockViewIn(LocalVariableNode local) {
    if (!(local.getElement() instanceof com.sun.tools.javac.code.Symbol.VarSymbol variable)
        || (variable.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) == 0
        || !(declarations().get(variable) instanceof VariableTree declaration)
        || declaration.getInitializer() == null
        || !(TreeInfo.skipParens((JCTree.JCExpression) declaration.getInitializer())
            instanceof JCTree.JCMethodInvocation initializer)) {
      return null;
    }
    // The declaration may lie in an earlier chunk of a long body than the lock call.
    for (ControlFlowGraph cfg : cfgs) {
      java.util.Set<Node> nodes = cfg.getNodesCorrespondingToTree(initializer);
      if (nodes != null) {
        for (Node n : nodes) {
          if (n instanceof MethodInvocationNode call && calls.lockView(call).isPresent()) {
            return call;
          }
        }
      }
    }
    return null;
  }

  /**
   * A name for a new local that no declaration of this method uses, the same each time it is
   * asked for the same read (the fixpoint revisits nodes).
   */
  String freshName(Tree read, String base) {
    String known = freshNames.get(read);
    if (known != null) {
      return known;
    }
    java.util.Set<String> taken = new java.util.HashSet<>(freshNames.values());
    for (com.sun.tools.javac.code.Symbol.VarSymbol v : declarations().keySet()) {
      taken.add(v.getSimpleName().toString());
    }
    if (method != null) {
      method.getParameters().forEach(p -> taken.add(p.getSimpleName().toString()));
    }
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + i;
    }
    freshNames.put(read, name);
    return name;
  }

  private IdentityHashMap<com.sun.tools.javac.code.Symbol.VarSymbol, Tree> declarations() {
    if (declarations == null) {
      IdentityHashMap<com.sun.tools.javac.code.Symbol.VarSymbol, Tree> map =
          new IdentityHashMap<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(com.sun.source.tree.VariableTree tree, Void unused) {
          if (TreeInfo.symbolFor((JCTree) tree)
              instanceof com.sun.tools.javac.code.Symbol.VarSymbol v) {
            map.put(v, tree);
          }
          return super.visitVariable(tree, null);
        }
      }.scan(body, null);
      declarations = map;
    }
    return declarations;
  }

  /** Whether {@code inner} lies within {@code outer} in the source. */
  static boolean encloses(Tree outer, Tree inner) {
    JCTree o = (JCTree) outer;
    int start = TreeInfo.getStartPos((JCTree) inner);
    return start >= TreeInfo.getStartPos(o) && start < TreeInfo.endPos(o);
  }
}

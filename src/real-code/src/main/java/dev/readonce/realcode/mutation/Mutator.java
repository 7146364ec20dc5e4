package dev.readonce.realcode.mutation;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.readonce.realcode.CorpusClass;
import dev.readonce.realcode.PreparedClass;
import dev.readonce.realcode.mutation.SourceText.Edit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies every operator at every applicable site of a corpus class (JavaParser). Sites are found
 * syntactically from the class's declarations: a slot read is a call of a declared accessor, an
 * atomic {@code get} on a declared slot field, or a read of a declared plain/volatile slot field; a
 * lock region is a {@code synchronized} block or method, or the code after a {@code lock()}-like
 * call in the same method. Every edit keeps the line numbers of the original.
 */
public final class Mutator {

  private static final Set<String> ATOMIC_READS =
      Set.of("get", "getAcquire", "getOpaque", "getVolatile");
  private static final Set<String> ATOMIC_WRITES =
      Set.of("set", "lazySet", "setRelease", "setOpaque", "setVolatile", "setPlain");
  private static final Set<String> LOCK_CALLS =
      Set.of(
          "lock",
          "lockInterruptibly",
          "tryLock",
          "writeLock",
          "tryWriteLock",
          "readLock",
          "fullyLock");
  private static final Set<String> UNLOCK_CALLS =
      Set.of("unlock", "unlockWrite", "unlockRead", "fullyUnlock");

  private final JavaParser parser =
      new JavaParser(
          new ParserConfiguration()
              .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
              .setTabSize(1));

  /** Every mutant of the class, in source order per operator. */
  public List<Mutant> mutants(PreparedClass prepared) throws IOException {
    SlotModel model = SlotModel.read(prepared.declarations());
    ParseResult<CompilationUnit> parsed = parser.parse(prepared.original());
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      throw new IllegalStateException(
          prepared.corpusClass().name() + " does not parse: " + parsed.getProblems());
    }
    Site site =
        new Site(
            prepared.corpusClass(),
            parsed.getResult().get(),
            new SourceText(prepared.original()),
            model);
    List<Mutant> out = new ArrayList<>();
    site.dropRechecks(out);
    site.duplicateReads(out);
    site.moveWrites(out);
    site.plainAccesses(out);
    site.passHandles(out);
    // DESCEND_WITHOUT_TEST: applies only where the declarations name descents and pointer tests;
    // no corpus class has them (see the docs page), so it makes no mutant rather than a fake one.
    return out;
  }

  /** The analysis of one class's syntax. */
  private static final class Site {
    private final CorpusClass c;
    private final CompilationUnit cu;
    private final SourceText text;
    private final SlotModel model;
    private final Set<String> atomicFields = new HashSet<>();

    /**
     * Slot fields whose type is an array: the elements are the slots, the field is their container.
     */
    private final Set<String> arrayFields = new HashSet<>();

    private int counter;

    Site(CorpusClass c, CompilationUnit cu, SourceText text, SlotModel model) {
      this.c = c;
      this.cu = cu;
      this.text = text;
      this.model = model;
      for (FieldDeclaration f : cu.findAll(FieldDeclaration.class)) {
        for (VariableDeclarator v : f.getVariables()) {
          if (model.slotFields().containsKey(v.getNameAsString())) {
            if (v.getType().asString().startsWith("Atomic")) {
              atomicFields.add(v.getNameAsString());
            } else if (v.getType().isArrayType()) {
              arrayFields.add(v.getNameAsString());
            }
          }
        }
      }
    }

    private void add(List<Mutant> out, Operator op, Node mutated, String what, List<Edit> edits) {
      int line = mutated.getBegin().orElseThrow().line;
      add(out, op, line, what, edits);
    }

    private void add(List<Mutant> out, Operator op, int line, String what, List<Edit> edits) {
      add(out, op, line, line, what, edits);
    }

    private void add(
        List<Mutant> out, Operator op, int line, int lastLine, String what, List<Edit> edits) {
      add(out, op, line, lastLine, what, edits, null);
    }

    private void add(
        List<Mutant> out,
        Operator op,
        int line,
        int lastLine,
        String what,
        List<Edit> edits,
        String equivalent) {
      counter++;
      String id = c.simpleName() + ":" + line + ":" + op + ":" + counter;
      out.add(new Mutant(id, c, op, line, lastLine, what, text.apply(edits), equivalent));
    }

    // ---- equivalent mutants: reads of an object the method has not published ----

    /**
     * Why a read at this site breaks no discipline, or null. The one criterion: the read's slot is
     * an element of an array that the enclosing method itself created ({@code T[] tab = new
     * T[n]}, possibly through a cast, and never assigned anything else) and that has not escaped
     * before the read: up to the read, the array appears only as the array of a declared accessor
     * or modifier call, of an element access, or of {@code .length}. No other thread can reach
     * such an array, so a second or a plain read of its element reads what this thread wrote
     * (ConcurrentHashMap.readObject fills a fresh table before {@code table = tab}).
     */
    String unpublished(Expression read) {
      Expression array = null;
      if (unwrap(read) instanceof MethodCallExpr m
          && model.accessors().contains(m.getNameAsString())
          && m.getArguments().size() == 2) {
        array = unwrap(m.getArgument(0));
      }
      Node callable = callable(read);
      if (!(array instanceof NameExpr name) || callable == null) {
        return null;
      }
      String local = name.getNameAsString();
      List<VariableDeclarator> declared =
          callable.findAll(VariableDeclarator.class).stream()
              .filter(v -> v.getNameAsString().equals(local) && same(callable(v), callable))
              .toList();
      if (declared.size() != 1
          || declared.get(0).getInitializer().map(i -> !isArrayCreation(i)).orElse(true)) {
        return null;
      }
      int at = text.begin(read);
      for (NameExpr use : callable.findAll(NameExpr.class)) {
        if (!use.getNameAsString().equals(local) || text.begin(use) >= at) {
          continue;
        }
        if (!staysLocal(use)) {
          return null;
        }
      }
      return "'"
          + local
          + "' is an array this method created and has not published before the read";
    }

    private static boolean isArrayCreation(Expression e) {
      e = unwrap(e);
      while (e instanceof com.github.javaparser.ast.expr.CastExpr cast) {
        e = unwrap(cast.getExpression());
      }
      return e instanceof com.github.javaparser.ast.expr.ArrayCreationExpr;
    }

    /** A use of the array that lets no other thread reach it. */
    private boolean staysLocal(NameExpr use) {
      Node parent = use.getParentNode().orElse(null);
      if (parent instanceof com.github.javaparser.ast.expr.ArrayAccessExpr access) {
        return same(access.getName(), use);
      }
      if (parent instanceof FieldAccessExpr f) {
        return f.getNameAsString().equals("length");
      }
      if (parent instanceof MethodCallExpr m) {
        String name = m.getNameAsString();
        return (model.accessors().contains(name) || model.modifiers().contains(name))
            && !m.getArguments().isEmpty()
            && same(m.getArgument(0), use);
      }
      return false;
    }

    // ---- what is a slot read, a slot write, a lock region ----

    /** A read of a declared slot (accessor call, atomic get of a slot field, plain slot field). */
    boolean isSlotRead(Expression e) {
      e = unwrap(e);
      if (e instanceof MethodCallExpr m) {
        if (model.accessors().contains(m.getNameAsString())) {
          return true;
        }
        return ATOMIC_READS.contains(m.getNameAsString())
            && m.getScope().map(this::isAtomicSlotField).orElse(false);
      }
      return isPlainSlotField(e) && !isWriteTarget(e) && !isScopeOfCall(e);
    }

    private boolean isAtomicSlotField(Expression e) {
      String name = fieldName(e);
      return name != null
          && atomicFields.contains(name)
          && !isLocal(e, name)
          && declaredSlot(e, name);
    }

    private boolean isPlainSlotField(Expression e) {
      String name = fieldName(e);
      return name != null
          && model.slotFields().containsKey(name)
          && !atomicFields.contains(name)
          && !arrayFields.contains(name)
          && !isLocal(e, name)
          && declaredSlot(e, name);
    }

    /**
     * Whether the nearest enclosing class that declares a field of that name is its slot's class.
     */
    private boolean declaredSlot(Expression e, String name) {
      for (Node n = e.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
        if (n instanceof TypeDeclaration<?> t && t.getFieldByName(name).isPresent()) {
          return model.slotFields().get(name).contains(t.getNameAsString());
        }
      }
      return false;
    }

    private static String fieldName(Expression e) {
      if (e instanceof NameExpr n) {
        return n.getNameAsString();
      }
      if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
        return f.getNameAsString();
      }
      return null;
    }

    private static boolean isWriteTarget(Expression e) {
      Optional<Node> parent = e.getParentNode();
      if (parent.isPresent() && parent.get() instanceof AssignExpr a && same(a.getTarget(), e)) {
        return true;
      }
      return parent.isPresent()
          && parent.get() instanceof UnaryExpr u
          && (u.getOperator().isPrefix() || u.getOperator().isPostfix())
          && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
          && u.getOperator() != UnaryExpr.Operator.MINUS
          && u.getOperator() != UnaryExpr.Operator.PLUS
          && u.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT;
    }

    private static boolean isScopeOfCall(Expression e) {
      return e.getParentNode().orElse(null) instanceof MethodCallExpr m
          && m.getScope().map(s -> same(s, e)).orElse(false);
    }

    /** Whether a bare name is a parameter or local of an enclosing method or lambda. */
    private static boolean isLocal(Expression e, String name) {
      if (!(e instanceof NameExpr)) {
        return false;
      }
      for (Node n = e.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
        if (n instanceof CallableDeclaration<?> cd) {
          if (cd.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
            return true;
          }
          return cd.findAll(VariableDeclarator.class).stream()
              .anyMatch(v -> v.getNameAsString().equals(name));
        }
        if (n instanceof LambdaExpr l
            && l.getParameters().stream().map(Parameter::getNameAsString).anyMatch(name::equals)) {
          return true;
        }
        if (n instanceof TypeDeclaration<?>) {
          return false;
        }
      }
      return false;
    }

    /**
     * A statement that writes a slot: a declared store method, an atomic set, a slot field store.
     */
    boolean isSlotWrite(Statement s) {
      if (!(s instanceof ExpressionStmt es)) {
        return false;
      }
      Expression e = es.getExpression();
      if (e instanceof MethodCallExpr m) {
        if (model.modifiers().contains(m.getNameAsString())) {
          return true;
        }
        return ATOMIC_WRITES.contains(m.getNameAsString())
            && m.getScope().map(this::isAtomicSlotField).orElse(false);
      }
      if (e instanceof AssignExpr a) {
        return isPlainSlotField(a.getTarget());
      }
      if (e instanceof UnaryExpr u) {
        return isPlainSlotField(u.getExpression());
      }
      return false;
    }

    /**
     * Whether two JavaParser nodes are the same node. {@code Node.equals} compares structure (two
     * occurrences of {@code x} are equal), and an edit targets one occurrence.
     */
    @SuppressWarnings("ReferenceEquality") // identity is the point: see above
    private static boolean same(Node a, Node b) {
      return a == b;
    }

    /** The enclosing method, constructor or lambda (mutations stay within one). */
    private static Node callable(Node n) {
      for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
        if (p instanceof CallableDeclaration<?>
            || p instanceof LambdaExpr
            || p instanceof ObjectCreationExpr) {
          return p;
        }
      }
      return null;
    }

    private static boolean inConstructorOrInitializer(Node n) {
      Node callable = callable(n);
      return callable == null
          || callable instanceof com.github.javaparser.ast.body.ConstructorDeclaration;
    }

    /**
     * Whether a lock is held at the node: a lock region of its own method, or a method declared
     * {@code holding} (its caller holds the lock), matched by name and number of parameters.
     */
    boolean underLock(Node n) {
      return lockedHere(n)
          || (callable(n) instanceof com.github.javaparser.ast.body.MethodDeclaration md
              && model.holding().contains(md.getNameAsString() + "/" + md.getParameters().size()));
    }

    /**
     * Whether the node's own method takes a lock before it. A re-check compares a read under that
     * lock with a snapshot taken before it; in a {@code holding} method every read is under the
     * caller's lock, so its comparisons are no re-checks to drop.
     */
    boolean lockedHere(Node n) {
      Node callable = callable(n);
      Node child = n;
      for (Node p = n.getParentNode().orElse(null);
          p != null && !same(p, callable);
          child = p, p = p.getParentNode().orElse(null)) {
        // The monitor expression is evaluated before the monitor is taken.
        if (p instanceof SynchronizedStmt sync && !same(sync.getExpression(), child)) {
          return true;
        }
      }
      if (callable == null) {
        return false;
      }
      if (callable instanceof com.github.javaparser.ast.body.MethodDeclaration md
          && md.isSynchronized()) {
        return true;
      }
      int at = text.begin(n);
      return callable.findAll(MethodCallExpr.class).stream()
          .anyMatch(
              m ->
                  LOCK_CALLS.contains(m.getNameAsString())
                      && text.begin(m) < at
                      && same(callable(m), callable));
    }

    // ---- the operators ----

    void dropRechecks(List<Mutant> out) {
      for (IfStmt s : cu.findAll(IfStmt.class)) {
        if (!lockedHere(s) || !(unwrap(s.getCondition()) instanceof BinaryExpr b)) {
          continue;
        }
        boolean eq = b.getOperator() == BinaryExpr.Operator.EQUALS;
        if (!eq && b.getOperator() != BinaryExpr.Operator.NOT_EQUALS) {
          continue;
        }
        if (!comparesSlotWithSnapshot(s, unwrap(b.getLeft()), unwrap(b.getRight()))) {
          continue;
        }
        int from = text.begin(s);
        int to = text.end(s);
        List<Edit> edits = new ArrayList<>();
        if (eq) {
          // Keep the then-branch, lose the test and the else-branch.
          int thenFrom = text.begin(s.getThenStmt());
          int thenTo = text.end(s.getThenStmt());
          edits.add(new Edit(from, thenFrom, text.breaksOf(from, thenFrom)));
          edits.add(new Edit(thenTo, to, text.breaksOf(thenTo, to)));
        } else if (s.getElseStmt().isPresent()) {
          int elseFrom = text.begin(s.getElseStmt().get());
          edits.add(new Edit(from, elseFrom, text.breaksOf(from, elseFrom)));
        } else {
          edits.add(new Edit(from, to, text.breaksOf(from, to)));
        }
        // The mutated statement is the unguarded code: the whole span of the former if.
        add(
            out,
            Operator.DROP_RECHECK,
            s.getBegin().orElseThrow().line,
            s.getEnd().orElseThrow().line,
            "dropped: if (" + text.of(s.getCondition()) + ")",
            edits);
      }
    }

    /**
     * Whether the test compares a slot with a snapshot taken before the lock: a fresh read of the
     * slot against a local that holds a read of a slot made outside the lock, or anything against
     * the method's declared snapshot parameter (its caller read it). A comparison with a value read
     * under the lock ({@code es != getArray()} in a method run under its caller's lock: a
     * reentrancy check) or with any other local ({@code last == p}) re-validates no snapshot.
     */
    private boolean comparesSlotWithSnapshot(IfStmt s, Expression l, Expression r) {
      if ((isSlotRead(l) && r instanceof NameExpr rn && readBeforeTheLock(s, rn))
          || (isSlotRead(r) && l instanceof NameExpr ln && readBeforeTheLock(s, ln))) {
        return true;
      }
      // snapshot != current, with 'snapshot' a declared snapshot parameter of the method.
      if (l instanceof NameExpr ln
          && r instanceof NameExpr rn
          && callable(s) instanceof CallableDeclaration<?> cd) {
        Integer p = model.snapshotParams().get(cd.getNameAsString());
        if (p != null && p < cd.getParameters().size()) {
          String snap = cd.getParameter(p).getNameAsString();
          return ln.getNameAsString().equals(snap) || rn.getNameAsString().equals(snap);
        }
      }
      return false;
    }

    /** Whether the local is assigned a slot read outside any lock in the test's callable. */
    private boolean readBeforeTheLock(IfStmt s, NameExpr local) {
      Node callable = callable(s);
      return snapshotReads().stream()
          .anyMatch(
              read ->
                  same(callable(read), callable)
                      && local.getNameAsString().equals(snapshotName(read))
                      && !underLock(read));
    }

    void duplicateReads(List<Mutant> out) {
      for (Expression read : snapshotReads()) {
        String local = snapshotName(read);
        if (local == null || underLock(read) || inConstructorOrInitializer(read)) {
          continue;
        }
        List<NameExpr> uses = usesBeforeReassignment(read, local);
        // The snapshot must still decide something after one use is replaced: the value of an
        // assignment expression used in place, or another use. Otherwise the mutant still reads
        // the slot once (an equivalent mutant, not a breach).
        boolean valueUsedInPlace =
            !(assignmentOf(read) == null
                || assignmentOf(read).getParentNode().orElse(null) instanceof ExpressionStmt);
        if (uses.isEmpty() || (uses.size() < 2 && !valueUsedInPlace)) {
          continue;
        }
        // Every use is a site (one mutant each): each replaced use decides on a second read while
        // the others still decide on the first. Uses under the lock are left alone (a locked
        // re-read is the discipline, not a breach of it).
        for (NameExpr use : uses) {
          if (underLock(use)) {
            continue;
          }
          int line = use.getBegin().orElseThrow().line;
          add(
              out,
              Operator.DUPLICATE_READ,
              line,
              line,
              "use of '" + local + "' replaced by (" + text.of(read) + ")",
              List.of(new Edit(text.begin(use), text.end(use), "(" + text.of(read) + ")")),
              unpublished(read));
        }
      }
    }

    /** Reads of the local after the slot read, up to its next assignment, in the same callable. */
    private List<NameExpr> usesBeforeReassignment(Expression read, String local) {
      Node callable = callable(read);
      int after = text.end(read);
      List<NameExpr> named =
          callable.findAll(NameExpr.class).stream()
              .filter(
                  n ->
                      n.getNameAsString().equals(local)
                          && text.begin(n) >= after
                          && same(callable(n), callable))
              .sorted((a, b) -> Integer.compare(text.begin(a), text.begin(b)))
              .toList();
      List<NameExpr> uses = new ArrayList<>();
      for (NameExpr n : named) {
        if (isWriteTarget(n)) {
          break;
        }
        uses.add(n);
      }
      return uses;
    }

    private static AssignExpr assignmentOf(Expression read) {
      Node parent = read.getParentNode().orElse(null);
      while (parent instanceof EnclosedExpr) {
        parent = parent.getParentNode().orElse(null);
      }
      return parent instanceof AssignExpr a ? a : null;
    }

    /** The slot reads whose value is stored in a local: {@code T x = R} or {@code x = R}. */
    private List<Expression> snapshotReads() {
      List<Expression> reads = new ArrayList<>();
      for (VariableDeclarator v : cu.findAll(VariableDeclarator.class)) {
        if (v.getParentNode().orElse(null) instanceof FieldDeclaration) {
          continue;
        }
        v.getInitializer().filter(this::isSlotRead).ifPresent(reads::add);
      }
      for (AssignExpr a : cu.findAll(AssignExpr.class)) {
        if (a.getOperator() == AssignExpr.Operator.ASSIGN
            && a.getTarget() instanceof NameExpr
            && isSlotRead(a.getValue())) {
          reads.add(a.getValue());
        }
      }
      reads.sort((a, b) -> Integer.compare(text.begin(a), text.begin(b)));
      return reads;
    }

    private static String snapshotName(Expression read) {
      Node parent = read.getParentNode().orElse(null);
      while (parent instanceof EnclosedExpr) {
        parent = parent.getParentNode().orElse(null);
      }
      if (parent instanceof VariableDeclarator v) {
        return v.getNameAsString();
      }
      if (parent instanceof AssignExpr a && a.getTarget() instanceof NameExpr n) {
        return n.getNameAsString();
      }
      return null;
    }

    void moveWrites(List<Mutant> out) {
      for (Statement s : cu.findAll(Statement.class)) {
        if (!isSlotWrite(s) || inConstructorOrInitializer(s)) {
          continue;
        }
        Node region = lockRegion(s);
        if (region == null || usesLocalsDeclaredIn(s, region)) {
          continue;
        }
        int from = text.begin(s);
        int to = text.end(s);
        int insertAt = text.end(region);
        add(
            out,
            Operator.MOVE_WRITE_OUT,
            region.getEnd().orElseThrow().line,
            "moved after the lock region: " + text.of(s),
            List.of(
                new Edit(from, to, text.breaksOf(from, to)),
                new Edit(insertAt, insertAt, " " + text.of(s))));
      }
    }

    /**
     * The innermost lock region around a statement, as the statement to insert after: the
     * synchronized block, the try statement whose finally unlocks, or the unlock call's statement.
     */
    private Node lockRegion(Statement s) {
      Node callable = callable(s);
      for (Node p = s.getParentNode().orElse(null);
          p != null && !same(p, callable);
          p = p.getParentNode().orElse(null)) {
        if (p instanceof SynchronizedStmt) {
          return p;
        }
        if (p instanceof TryStmt t
            && t.getFinallyBlock().isPresent()
            && t.getFinallyBlock().get().findAll(MethodCallExpr.class).stream()
                .anyMatch(m -> UNLOCK_CALLS.contains(m.getNameAsString()))
            && t.getTryBlock().isAncestorOf(s)) {
          return t;
        }
        if (p instanceof BlockStmt block) {
          // lock(); ... s ...; unlock(); in one block
          int at = text.begin(s);
          boolean locked = false;
          for (Statement st : block.getStatements()) {
            if (text.begin(st) < at && callsAny(st, LOCK_CALLS)) {
              locked = true;
            }
            if (locked && text.begin(st) > at && callsAny(st, UNLOCK_CALLS)) {
              return st;
            }
          }
        }
      }
      return null;
    }

    private static boolean callsAny(Statement st, Set<String> names) {
      return st instanceof ExpressionStmt es
          && es.getExpression() instanceof MethodCallExpr m
          && names.contains(m.getNameAsString());
    }

    private static boolean usesLocalsDeclaredIn(Statement s, Node region) {
      Set<String> declared = new HashSet<>();
      region.findAll(VariableDeclarator.class).forEach(v -> declared.add(v.getNameAsString()));
      region.findAll(Parameter.class).forEach(p -> declared.add(p.getNameAsString()));
      return s.findAll(NameExpr.class).stream()
          .anyMatch(n -> declared.contains(n.getNameAsString()));
    }

    void plainAccesses(List<Mutant> out) {
      for (MethodCallExpr m : cu.findAll(MethodCallExpr.class)) {
        if (!isSlotRead(m) || underLock(m) || inConstructorOrInitializer(m)) {
          continue;
        }
        String replacement;
        if (model.accessors().contains(m.getNameAsString())) {
          if (m.getArguments().size() != 2) {
            continue; // a no-argument accessor reads a volatile field: no plain form to swap in
          }
          replacement = text.of(m.getArgument(0)) + "[" + text.of(m.getArgument(1)) + "]";
        } else {
          int nameEnd = text.offset(m.getName().getEnd().orElseThrow()) + 1;
          int nameFrom = text.offset(m.getName().getBegin().orElseThrow());
          add(
              out,
              Operator.PLAIN_ACCESS,
              m,
              text.of(m) + " read with getPlain",
              List.of(new Edit(nameFrom, nameEnd, "getPlain")));
          continue;
        }
        int line = m.getBegin().orElseThrow().line;
        add(
            out,
            Operator.PLAIN_ACCESS,
            line,
            line,
            text.of(m) + " replaced by " + replacement,
            List.of(new Edit(text.begin(m), text.end(m), replacement)),
            unpublished(m));
      }
    }

    void passHandles(List<Mutant> out) {
      for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
        Integer p = model.snapshotParams().get(call.getNameAsString());
        if (p == null
            || p >= call.getArguments().size()
            || !(call.getArgument(p) instanceof NameExpr arg)) {
          continue;
        }
        Node callable = callable(call);
        Expression read =
            snapshotReads().stream()
                .filter(
                    r ->
                        same(callable(r), callable)
                            && arg.getNameAsString().equals(snapshotName(r)))
                .findFirst()
                .orElse(null);
        if (read == null || underLock(call)) {
          continue;
        }
        add(
            out,
            Operator.PASS_HANDLE,
            call,
            "snapshot '" + arg + "' passed as (" + text.of(read) + ")",
            List.of(new Edit(text.begin(arg), text.end(arg), "(" + text.of(read) + ")")));
      }
    }

    private static Expression unwrap(Expression e) {
      while (e instanceof EnclosedExpr en) {
        e = en.getInner();
      }
      return e;
    }
  }
}

package dev.readonce.checker.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import dev.readonce.checker.model.Contracts;
import java.util.function.Function;

/**
 * The analyses of one compilation (one javac {@link Context}), shared by the six checks so each
 * method is analyzed once. Holds only the compilation unit being checked: Error Prone checks units
 * one at a time, so memory stays bounded.
 */
public final class Analyses {

  private static final Context.Key<Analyses> KEY = new Context.Key<>();

  /** The default of {@code -XepOpt:ReadOnce:ChunkStatements} ({@link ChunkedBody}). */
  public static final int DEFAULT_CHUNK_STATEMENTS = ChunkedBody.DEFAULT_STATEMENTS;

  private final Contracts contracts;
  private final boolean audit;
  private final boolean prepass;
  private final int chunkStatements;
  private final Engine engine;
  private final Types types;
  private final JavacProcessingEnvironment env;
  private UnitAnalysis current;

  private Analyses(
      Context context,
      Contracts contracts,
      boolean audit,
      boolean prepass,
      int chunkStatements,
      Engine engine) {
    this.contracts = contracts;
    this.chunkStatements = chunkStatements;
    this.engine = engine;
    this.audit = audit;
    this.prepass = prepass && !audit;
    this.types = Types.instance(context);
    this.env = JavacProcessingEnvironment.instance(context);
  }

  /**
   * The instance of this compilation; the first caller's factory builds the contracts (all
   * checks share one configuration, parsed from the same flags). The feasibility pre-pass is off
   * in audit mode, whose slots include fields reached through {@code VarHandle}s that the body
   * never names. {@code engine} is what runs over each analyzed body ({@code ReadOnce:Engine}).
   */
  public static Analyses instance(
      VisitorState state,
      Function<Context, Contracts> contracts,
      boolean audit,
      boolean prepass,
      Engine engine) {
    return instance(state, contracts, audit, prepass, ChunkedBody.DEFAULT_STATEMENTS, engine);
  }

  /**
   * As above; a body with more than {@code chunkStatements} top-level statements is analyzed in
   * chunks of that many (0: never), which gives the same findings in less time.
   */
  public static Analyses instance(
      VisitorState state,
      Function<Context, Contracts> contracts,
      boolean audit,
      boolean prepass,
      int chunkStatements,
      Engine engine) {
    Context context = state.context;
    Analyses existing = context.get(KEY);
    if (existing == null) {
      existing =
          new Analyses(context, contracts.apply(context), audit, prepass, chunkStatements, engine);
      context.put(KEY, existing);
    }
    return existing;
  }

  /** The analysis of the compilation unit the visitor is in. */
  public UnitAnalysis forUnit(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (current == null || current.unit() != unit) {
      current =
          new UnitAnalysis(
              unit,
              contracts,
              new UnitAnalysis.Settings(audit, prepass, chunkStatements, engine),
              types,
              env);
    }
    return current;
  }
}

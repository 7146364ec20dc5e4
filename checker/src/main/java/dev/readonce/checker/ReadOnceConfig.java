package dev.readonce.checker;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.ErrorProneFlags;
import dev.readonce.checker.analysis.Analyses;
import dev.readonce.checker.analysis.Engine;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checker's flags, read once. Every flag lives in the {@code ReadOnce:} namespace and is
 * passed as {@code -XepOpt:ReadOnce:Name=value}:
 *
 * <ul>
 *   <li>{@code ReadOnce:Declarations} — comma-separated paths of declarations files that state
 *       contracts for code that cannot be annotated (the JDK, libraries);
 *   <li>{@code ReadOnce:Audit} — {@code true} to treat every {@code volatile} field, and every
 *       field accessed through a {@code VarHandle} or an {@code Atomic*}, as a slot;
 *   <li>{@code ReadOnce:DocsBaseUrl} — where the checks' pages are hosted, for the diagnostics'
 *       links (see {@link Docs#link});
 *   <li>{@code ReadOnce:Prepass} — {@code false} to analyze every body that mentions a contract,
 *       without the feasibility pre-pass (a diagnostic: findings are the same either way, and a
 *       test checks that they are);
 *   <li>{@code ReadOnce:ChunkStatements} — a method body with more top-level statements than this
 *       is analyzed as a chain of CFGs of this many statements each ({@code 0}: one CFG per body;
 *       findings are the same either way, and a test checks that they are);
 *   <li>{@code ReadOnce:Engine} — a benchmark aid, not for users: {@code floor} builds exactly
 *       the control-flow graphs the analysis would build and runs the Checker Framework's fixpoint
 *       over each with a trivial transfer function, {@code cfg} only builds them; both report
 *       nothing, and measure what the required engine costs on its own (default {@code
 *       dataflow}, the analysis).
 * </ul>
 *
 * @param declarations the declarations files
 * @param audit whether audit mode is on
 * @param docsBaseUrl the hosted docs URL, if any
 * @param prepass whether the feasibility pre-pass may skip bodies (always off in audit mode)
 * @param chunkStatements top-level statements per chunk of a long body (0: never split)
 * @param engine what runs over each analyzed body
 */
public record ReadOnceConfig(
    ImmutableList<Path> declarations,
    boolean audit,
    Optional<String> docsBaseUrl,
    boolean prepass,
    int chunkStatements,
    Engine engine) {

  public static final String DECLARATIONS = "ReadOnce:Declarations";
  public static final String AUDIT = "ReadOnce:Audit";
  public static final String DOCS_BASE_URL = "ReadOnce:DocsBaseUrl";
  public static final String PREPASS = "ReadOnce:Prepass";
  public static final String CHUNK_STATEMENTS = "ReadOnce:ChunkStatements";
  public static final String ENGINE = "ReadOnce:Engine";

  /** The configuration with long bodies split as by default. */
  public ReadOnceConfig(
      ImmutableList<Path> declarations,
      boolean audit,
      Optional<String> docsBaseUrl,
      boolean prepass,
      Engine engine) {
    this(declarations, audit, docsBaseUrl, prepass, Analyses.DEFAULT_CHUNK_STATEMENTS, engine);
  }

  public static ReadOnceConfig from(ErrorProneFlags flags) {
    ImmutableList<Path> files =
        flags.getListOrEmpty(DECLARATIONS).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Path::of)
            .collect(ImmutableList.toImmutableList());
    return new ReadOnceConfig(
        files,
        flags.getBoolean(AUDIT).orElse(false),
        flags.get(DOCS_BASE_URL).map(String::strip).filter(s -> !s.isEmpty()),
        flags.getBoolean(PREPASS).orElse(true),
        flags.getInteger(CHUNK_STATEMENTS).orElse(Analyses.DEFAULT_CHUNK_STATEMENTS),
        flags.get(ENGINE).map(ReadOnceConfig::engine).orElse(Engine.DATAFLOW));
  }

  private static Engine engine(String value) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "dataflow" -> Engine.DATAFLOW;
      case "floor" -> Engine.FLOOR;
      case "cfg" -> Engine.CFG;
      default ->
          throw new IllegalArgumentException(
              "-XepOpt:" + ENGINE + " must be dataflow, floor or cfg, not '" + value + "'");
    };
  }
}

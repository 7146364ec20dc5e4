package dev.readonce.gate;

/** The gate's exit codes, which CI scripts rely on. */
public final class ExitCode {

  /** No finding fails the gate. */
  public static final int CLEAN = 0;

  /** At least one finding fails the gate (after {@code --since} and {@code --baseline}). */
  public static final int FINDINGS = 1;

  /**
   * The gate could not judge: a missing path, sources that do not compile, an unreadable or
   * malformed baseline, an unknown git ref, an unwritable output, a bad option.
   */
  public static final int BAD_INPUT = 2;

  /** The gate itself failed (a bug in the gate or in a check); the message says where. */
  public static final int INTERNAL_ERROR = 3;

  private ExitCode() {}
}

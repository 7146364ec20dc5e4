package dev.readonce.checker.dataflow;

import com.sun.tools.javac.code.Symbol.MethodSymbol;

/**
 * What the other methods of the compilation unit do with the slots and snapshots they are given;
 * lets a caller be judged by its callee's body.
 */
public interface Summaries {

  /** Whether the method's body is available here (it is declared in this compilation unit). */
  boolean hasBody(MethodSymbol method);

  /** Whether the method reads, without its lock, the slot designated by its parameter. */
  boolean readsParameterSlot(MethodSymbol method, int parameter);

  /** Whether the method descends from its snapshot parameter, relying on its caller's tests. */
  boolean requiresPointer(MethodSymbol method, int parameter);
}

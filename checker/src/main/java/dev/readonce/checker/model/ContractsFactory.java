package dev.readonce.checker.model;

import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Context;
import dev.readonce.checker.ReadOnceConfig;

/** Builds the contracts of one compilation from its configuration. */
public final class ContractsFactory {

  private ContractsFactory() {}

  public static Contracts create(Context context, ReadOnceConfig config) {
    return new AnnotationContracts(Types.instance(context));
  }
}

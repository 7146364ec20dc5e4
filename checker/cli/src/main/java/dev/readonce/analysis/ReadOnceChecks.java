package dev.readonce.analysis;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.readonce.checker.UnknownContractName;
import dev.readonce.checker.dataflow.Rule;
import java.util.Arrays;
import java.util.Comparator;
import java.util.ServiceLoader;

/**
 * The ReadOnce checks, as the checker jar registers them for Error Prone (its {@code
 * META-INF/services} entries): one per {@link Rule}, in its order, then {@link
 * UnknownContractName}, which checks the annotations themselves.
 */
public final class ReadOnceChecks {

  private static final String PACKAGE = "dev.readonce.checker";

  private ReadOnceChecks() {}

  /** Every ReadOnce check class. */
  public static ImmutableList<Class<? extends BugChecker>> all() {
    ImmutableList<String> order = names();
    return ServiceLoader.load(BugChecker.class, ReadOnceChecks.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::type)
        .filter(type -> type.getPackageName().equals(PACKAGE))
        .filter(type -> order.contains(name(type)))
        .sorted(Comparator.comparingInt(type -> order.indexOf(name(type))))
        .<Class<? extends BugChecker>>map(type -> type)
        .collect(ImmutableList.toImmutableList());
  }

  /** The check's name, as in {@code -Xep:Name} and {@code @SuppressWarnings}. */
  public static String name(Class<? extends BugChecker> check) {
    return BugCheckerInfo.create(check).canonicalName();
  }

  /** Every ReadOnce check's name: the rules in the order of {@link Rule}, then the vocabulary's. */
  public static ImmutableList<String> names() {
    return ImmutableList.<String>builder()
        .addAll(Arrays.stream(Rule.values()).map(Rule::checkName).iterator())
        .add(name(UnknownContractName.class))
        .build();
  }
}

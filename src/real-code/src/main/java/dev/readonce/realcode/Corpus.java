package dev.readonce.realcode;

import dev.readonce.realcode.CorpusClass.Origin;
import java.util.List;

/** The classes of the real-code corpus (see checker/docs/real-code.md for why each one). */
public final class Corpus {

  private Corpus() {}

  /** Every corpus class, in the order of the docs page. */
  public static List<CorpusClass> classes() {
    return List.of(
        jdk("java.util.concurrent.ConcurrentHashMap", List.of()),
        jdk(
            "java.util.concurrent.CopyOnWriteArrayList",
            List.of("java/util/concurrent/ArraysSupport.java")),
        jdk("java.util.concurrent.LinkedBlockingQueue", List.of()),
        library(Origin.GUAVA, "com.google.common.util.concurrent.Striped"),
        library(Origin.RXJAVA, "io.reactivex.rxjava3.subjects.BehaviorSubject"),
        library(Origin.NETTY_COMMON, "io.netty.util.concurrent.DefaultPromise"));
  }

  private static CorpusClass jdk(String name, List<String> shims) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    List<String> decls =
        simple.equals("ConcurrentHashMap")
            // The checker's own declarations of the bins, as a user writes them, and the corpus's
            // facts about the other fields that hold the same tables.
            ? List.of("checker:jdk-concurrenthashmap.decls", "concurrenthashmap.decls")
            : List.of(simple.toLowerCase(java.util.Locale.ROOT) + ".decls");
    return new CorpusClass(
        name, Origin.JDK, "java.base/" + name.replace('.', '/') + ".java", shims, decls);
  }

  private static CorpusClass library(Origin origin, String name) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return new CorpusClass(
        name,
        origin,
        name.replace('.', '/') + ".java",
        List.of(),
        List.of(simple.toLowerCase(java.util.Locale.ROOT) + ".decls"));
  }
}

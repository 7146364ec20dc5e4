package dev.readonce.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits the execution samples of a JFR recording of the compile benchmark: how many fall in javac
 * overall, in the ReadOnce checker, and, within the checker, in CFG construction (the Checker
 * Framework's builder), the dataflow fixpoint (framework and transfer function), loop detection,
 * and the rest. Usage: {@code JfrBreakdown recording.jfr}.
 */
public final class JfrBreakdown {

  /** Parts of the checker's time, each named by a method on the stack below a checker frame. */
  private static final Map<String, String> PARTS = new LinkedHashMap<>();

  static {
    PARTS.put(
        "CFG construction (Checker Framework CFGBuilder)",
        "org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder.build");
    PARTS.put(
        "dataflow fixpoint (framework + SlotTransfer)",
        "org.checkerframework.errorprone.dataflow.analysis.ForwardAnalysisImpl.performAnalysis");
    PARTS.put("loop detection (PassBoundaries)", "dev.readonce.checker.dataflow.PassBoundaries.of");
    PARTS.put("fast path (Relevance)", "dev.readonce.checker.analysis.Relevance.mentionsContract");
    PARTS.put("class loading", "java.lang.ClassLoader.loadClass");
  }

  /** How many of the hottest methods to list. */
  private static final int TOP = 25;

  private JfrBreakdown() {}

  public static void main(String[] args) throws IOException {
    long total = 0;
    long javac = 0;
    long checker = 0;
    Map<String, Long> parts = new LinkedHashMap<>();
    Map<String, Long> leaves = new java.util.HashMap<>();
    Map<String, Long> ownLeaves = new java.util.HashMap<>();
    long dispatch = 0;
    PARTS.keySet().forEach(k -> parts.put(k, 0L));
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = e.getStackTrace();
      if (stack == null) {
        continue;
      }
      total++;
      List<RecordedFrame> frames = stack.getFrames();
      if (!contains(frames, "com.sun.tools.javac.api.JavacTaskImpl.call")) {
        continue;
      }
      javac++;
      int checkerFrame = outermost(frames, "dev.readonce.checker.");
      if (checkerFrame < 0) {
        continue;
      }
      checker++;
      if (indexOf(frames, "dev.readonce.checker.analysis.UnitAnalysis.findingsByTree") < 0) {
        dispatch++;
      }
      leaves.merge(name(frames.get(0)), 1L, Long::sum);
      // The innermost frame of the checker itself: whose code the sample is spent for.
      for (RecordedFrame f : frames) {
        if (name(f).startsWith("dev.readonce.")) {
          ownLeaves.merge(name(f), 1L, Long::sum);
          break;
        }
      }
      // The first part found below the outermost checker frame (nearer the leaf) gets the sample.
      for (Map.Entry<String, String> part : PARTS.entrySet()) {
        int at = indexOf(frames, part.getValue());
        if (at >= 0 && at < checkerFrame) {
          parts.merge(part.getKey(), 1L, Long::sum);
          break;
        }
      }
    }
    System.out.printf(
        "samples: %d; in javac: %d; in the ReadOnce checker: %d (%.1f%% of javac)%n",
        total, javac, checker, 100.0 * checker / Math.max(1, javac));
    long attributed = 0;
    for (Map.Entry<String, Long> p : parts.entrySet()) {
      attributed += p.getValue();
      System.out.printf(
          "  %-50s %6d  %5.1f%% of the checker%n",
          p.getKey(), p.getValue(), 100.0 * p.getValue() / Math.max(1, checker));
    }
    System.out.printf(
        "  %-50s %6d  %5.1f%% of the checker%n",
        "the rest (contracts, index, checks)",
        checker - attributed,
        100.0 * (checker - attributed) / Math.max(1, checker));
    System.out.printf(
        "  %-50s %6d  %5.1f%% of the checker%n",
        "(outside the unit analysis: matchers, set-up)",
        dispatch,
        100.0 * dispatch / Math.max(1, checker));
    printTop("hottest methods (leaf frames) in the checker's samples", leaves, checker);
    printTop("innermost ReadOnce frame of the checker's samples", ownLeaves, checker);
  }

  private static void printTop(String title, Map<String, Long> counts, long of) {
    System.out.printf("%s:%n", title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP)
        .forEach(
            e ->
                System.out.printf(
                    "  %6d  %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / of, e.getKey()));
  }

  private static boolean contains(List<RecordedFrame> frames, String method) {
    return indexOf(frames, method) >= 0;
  }

  private static int indexOf(List<RecordedFrame> frames, String method) {
    for (int i = 0; i < frames.size(); i++) {
      if (name(frames.get(i)).equals(method)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the frame nearest the thread's root whose method starts with the prefix. */
  private static int outermost(List<RecordedFrame> frames, String prefix) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (name(frames.get(i)).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
}

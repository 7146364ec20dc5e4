package dev.readonce.bench.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project the latency benchmark edits: a slot handle, its pointer tests, and a 500-line class
 * of lock-free lookups (most read once, every tenth reads twice, so the file always has findings).
 */
final class Corpus {

  private Corpus() {}

  static Path write(Path dir) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("src/main/java/bench"));
    Files.writeString(
        dir.resolve(".readonce-lsp.json"), "{\"sourceRoots\": [\"src/main/java\"]}", UTF_8);
    Files.writeString(
        pkg.resolve("Entry.java"),
        """
        package bench;

        import dev.readonce.annotations.ReadOnce;
        import java.lang.invoke.MethodHandles;
        import java.lang.invoke.VarHandle;

        public final class Entry {
          private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(long[].class);
          @ReadOnce private final long[] table;
          private final int index;

          public Entry(long[] table, int index) {
            this.table = table;
            this.index = index;
          }

          @ReadOnce
          public long get() {
            return (long) ENTRY.getOpaque(table, index);
          }
        }
        """,
        UTF_8);
    Files.writeString(
        pkg.resolve("Entries.java"),
        """
        package bench;

        import dev.readonce.annotations.PointerTest;
        import dev.readonce.annotations.PointerTest.Shows;

        final class Entries {
          private Entries() {}

          @PointerTest(Shows.NONE)
          static boolean isNone(long entry) {
            return entry == 0;
          }

          @PointerTest(Shows.LEAF)
          static boolean isLeaf(long entry) {
            return (entry & 2) != 0;
          }
        }
        """,
        UTF_8);
    StringBuilder big = new StringBuilder();
    big.append("package bench;\n\n/** Lock-free lookups. */\npublic final class Lookups {\n\n");
    big.append("  private Lookups() {}\n\n");
    int lines = 7;
    for (int i = 0; lines < 495; i++) {
      if (i % 10 == 9) {
        big.append("  static int racy")
            .append(i)
            .append("(Entry entry) {\n")
            .append("    if (Entries.isNone(entry.get())) {\n")
            .append("      return 0;\n")
            .append("    }\n")
            .append("    return Entries.isLeaf(entry.get()) ? 1 : 2;\n")
            .append("  }\n\n");
      } else {
        big.append("  static int classify")
            .append(i)
            .append("(Entry entry) {\n")
            .append("    long e = entry.get();\n")
            .append("    if (Entries.isNone(e)) {\n")
            .append("      return 0;\n")
            .append("    }\n")
            .append("    return Entries.isLeaf(e) ? 1 : 2;\n")
            .append("  }\n\n");
      }
      lines = (int) big.chars().filter(c -> c == '\n').count();
    }
    big.append("}\n");
    Path file = pkg.resolve("Lookups.java");
    Files.writeString(file, big.toString(), UTF_8);
    return file;
  }
}

package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.LineComment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test case with every statement and member marked with its identity, and where each identity
 * stood in the case as written, so a changed verdict can be reported against the test's text.
 *
 * @param testCase the case
 * @param files the case's files, parsed, comments replaced by identity markers, and printed
 * @param origins each identity's place in the case as written
 * @param expectedLines the lines the case's {@code // BUG: Diagnostic contains:} marks point at
 */
public record MarkedCase(
    TestCase testCase,
    List<SourceFile> files,
    Map<String, Origin> origins,
    List<Origin> expectedLines) {

  /**
   * Where a statement stood in the case as written.
   *
   * @param file the file name
   * @param line its first line
   * @param endLine its last line
   * @param text its first line's text
   */
  public record Origin(String file, int line, int endLine, String text) {
    boolean covers(Origin expected) {
      return file.equals(expected.file) && line <= expected.line && expected.line <= endLine;
    }

    @Override
    public String toString() {
      return file + ":" + line + " `" + text + "`";
    }
  }

  /** Marks every statement and member of the case's files. */
  public static MarkedCase of(TestCase testCase) {
    Map<String, Origin> origins = new LinkedHashMap<>();
    List<SourceFile> files = new ArrayList<>();
    List<Origin> expected = new ArrayList<>();
    for (SourceFile source : testCase.sources()) {
      String[] lines = source.text().split("\n", -1);
      CompilationUnit cu = Parsing.parse(source.text(), testCase.id() + " " + source.name());
      for (Comment c : cu.getAllContainedComments()) {
        if (c instanceof LineComment
            && c.getContent().strip().startsWith("BUG: Diagnostic contains:")) {
          int line = c.getBegin().orElseThrow().line + 1;
          expected.add(new Origin(source.name(), line, line, lines[line - 1].strip()));
        }
      }
      cu.getAllContainedComments().forEach(Comment::remove);
      for (Node node : cu.findAll(Node.class, Identity::identifiable)) {
        String id = "S" + origins.size();
        int begin = node.getBegin().orElseThrow().line;
        int end = node.getEnd().orElseThrow().line;
        origins.put(id, new Origin(source.name(), begin, end, lines[begin - 1].strip()));
        Identity.mark(node, id);
      }
      files.add(new SourceFile(source.name(), cu.toString()));
    }
    return new MarkedCase(testCase, List.copyOf(files), Map.copyOf(origins), List.copyOf(expected));
  }
}

package dev.readonce.checker.metamorphic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The suite's own machinery: identities survive edits, and rewritings do what they say. */
class RewritingMachineryTest {

  private static final String LOOP =
      """
      class T {
        int m(Upper u) {
          int n = 0;
          for (int i = 0; i < 4; i++) {
            long v = u.get();
            if (Pt.none(v)) break;
            n++;
          }
          return n;
        }
      }
      """;

  private static MarkedCase marked(String text) {
    return MarkedCase.of(
        new TestCase("X.m", Optional.empty(), List.of(new SourceFile("T.java", text)), List.of()));
  }

  private static String rewrite(Rewriting r, MarkedCase c) {
    CompilationUnit cu = Parsing.parse(c.files().get(0).text(), "T.java");
    assertTrue(r.rewrite(cu, new Rewriting.Fresh()), r.name() + " applies");
    return cu.toString();
  }

  /** The line of {@code text} that holds {@code fragment}, and that line's identity. */
  private static String idOfLine(String text, String fragment) {
    Map<Range, String> owners = Identity.owners(Parsing.parse(text, "T.java"));
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      int col = lines.get(i).indexOf(fragment);
      if (col >= 0) {
        return Identity.at(owners, i + 1, col + 1);
      }
    }
    throw new AssertionError(fragment + " not in\n" + text);
  }

  @Test
  void identitySurvivesCodeInsertedBeforeTheStatement() {
    MarkedCase c = marked(LOOP);
    String text = Identity.interior(c.files().get(0).text(), "T.java");
    String before = idOfLine(text, "Pt.none(v)");
    // What a fix that adds a snapshot local does: text put right at the statement's start.
    String fixed = text.replaceFirst("(\\s*)if ", "$1long w = u.get();$1if ");
    assertEquals(before, idOfLine(fixed, "Pt.none(v)"));
    assertEquals("T.java:6 `if (Pt.none(v)) break;`", c.origins().get(before).toString());
    assertFalse(idOfLine(fixed, "long w").equals(before), "the inserted line has its own identity");
  }

  @Test
  void snapshotOutsideLoopKeepsTheReadsIdentity() {
    MarkedCase c = marked(LOOP);
    String id = idOfLine(Identity.interior(c.files().get(0).text(), "T.java"), "u.get()");
    String text = rewrite(new SnapshotOutsideLoop(), c);
    assertTrue(text.contains("long v;"), text);
    assertTrue(text.contains("v = u.get();"), text);
    assertEquals(id, idOfLine(Identity.interior(text, "T.java"), "u.get()"));
  }

  @Test
  void assignInArgumentPassesTheSameValue() {
    String text = rewrite(new AssignInArgument(), marked(LOOP));
    assertTrue(text.contains("Pt.none((mmv1 = v))"), text);
    assertTrue(text.contains("long mmv1;"), text);
  }

  @Test
  void switchWrapperLeavesABreakOfTheLoopAlone() {
    String text = rewrite(new WrapStatements(true), marked(LOOP));
    assertTrue(text.contains("n++;"), text);
    // The if holds an unlabelled break of the loop: in a switch it would leave the switch.
    assertFalse(
        text.matches("(?s).*default:\\s*\\{\\s*/\\*@S\\d+\\*/\\s*if \\(Pt.none.*"), text);
  }

  @Test
  void loopHeadAssignsOnlyNonConstantConditions() {
    String text = rewrite(new LoopHeadAssigns(), marked(LOOP));
    assertTrue(text.contains("(mmv1 = i < 4)"), text);
    MarkedCase forever =
        marked("class T { void m(Upper u) { for (;;) { if (Pt.none(u.get())) return; } } }");
    CompilationUnit cu = Parsing.parse(forever.files().get(0).text(), "T.java");
    assertFalse(new LoopHeadAssigns().rewrite(cu, new Rewriting.Fresh()));
  }
}

package dev.readonce.checker.metamorphic;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.Statement;

/** JavaParser set to the project's language level, failing loudly on text it cannot parse. */
public final class Parsing {

  private Parsing() {}

  /** Parses {@code text}; {@code where} names it in the error. */
  public static CompilationUnit parse(String text, String where) {
    return get(parser().parse(text), where);
  }

  /** One statement, for code a rewriting inserts. */
  public static Statement statement(String text) {
    return get(parser().parseStatement(text), text);
  }

  /** One expression, for code a rewriting inserts. */
  public static Expression expression(String text) {
    return get(parser().parseExpression(text), text);
  }

  /** One member, for code a rewriting inserts. */
  public static BodyDeclaration<?> member(String text) {
    return get(parser().parseBodyDeclaration(text), text);
  }

  private static JavaParser parser() {
    return new JavaParser(
        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
  }

  private static <T> T get(ParseResult<T> result, String where) {
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      throw new IllegalArgumentException(where + ": does not parse: " + result.getProblems());
    }
    return result.getResult().get();
  }
}

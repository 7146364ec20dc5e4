package dev.readonce.checker.metamorphic;

import com.github.javaparser.Range;
import dev.readonce.checker.metamorphic.VariantCompiler.Found;
import dev.readonce.checker.metamorphic.VariantCompiler.Unit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the checks said about a unit, as (rule, statement identity) pairs: the line a finding is
 * on changes under a rewriting, the statement it is about must not.
 */
public final class Verdict {

  private Verdict() {}

  /** The pairs {@code rule @ id} of a unit's findings. */
  public static Set<String> of(Unit unit, List<Found> found) {
    Map<String, Map<Range, String>> parsed = new HashMap<>();
    Set<String> out = new TreeSet<>();
    for (Found f : found) {
      Map<Range, String> owners =
          parsed.computeIfAbsent(
              f.file(),
              name -> {
                SourceFile file =
                    unit.judged().stream()
                        .filter(s -> s.name().equals(name))
                        .findFirst()
                        .orElseThrow();
                return Identity.owners(
                    Parsing.parse(VariantCompiler.text(unit, file), unit.pkg() + "/" + name));
              });
      out.add(f.rule() + " @ " + Identity.at(owners, f.line(), f.column()));
    }
    return out;
  }

  /** A pair written for a reader: the rule and where its statement stood in the case. */
  public static String describe(String pair, MarkedCase marked) {
    int at = pair.indexOf(" @ ");
    String id = pair.substring(at + 3);
    MarkedCase.Origin origin = marked.origins().get(id);
    String where =
        origin != null
            ? origin.toString()
            : id.equals("N") ? "code the rewriting added" : "an unmarked line (" + id + ")";
    return pair.substring(0, at) + " at " + where;
  }
}

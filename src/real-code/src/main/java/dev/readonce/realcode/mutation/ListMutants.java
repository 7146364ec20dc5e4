package dev.readonce.realcode.mutation;

import dev.readonce.realcode.Layout;
import java.util.List;

/** Prints every mutant's id and change (to review the operators' sites). */
public final class ListMutants {

  private ListMutants() {}

  public static void main(String[] args) throws Exception {
    List<Mutant> all = new MutationHarness(Layout.fromSystemProperties()).allMutants();
    for (Mutant m : all) {
      System.out.println(m.id() + "  " + m.what().replaceAll("\\s+", " "));
    }
    System.out.println(all.size() + " mutants");
  }
}

package dev.readonce.realcode.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.realcode.CorpusClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The verify sample: fixed by its seed, every class and operator in it, no equivalent mutant. */
class SampleTest {

  private static final CorpusClass A =
      new CorpusClass("p.A", CorpusClass.Origin.JDK, "-", List.of(), List.of());
  private static final CorpusClass B =
      new CorpusClass("p.B", CorpusClass.Origin.JDK, "-", List.of(), List.of());

  private static Mutant mutant(CorpusClass c, Operator op, int n, String equivalent) {
    String id = c.simpleName() + ":" + n + ":" + op + ":" + n;
    return new Mutant(id, c, op, n, n, "-", "-", equivalent);
  }

  private static List<Mutant> all() {
    List<Mutant> all = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      all.add(mutant(A, Operator.DUPLICATE_READ, i, null));
    }
    all.add(mutant(A, Operator.PLAIN_ACCESS, 11, null));
    for (int i = 12; i <= 16; i++) {
      all.add(mutant(B, Operator.MOVE_WRITE_OUT, i, null));
    }
    all.add(mutant(B, Operator.DUPLICATE_READ, 17, "unpublished"));
    return all;
  }

  @Test
  void everyClassAndOperatorIsSampledAndTheSeedFixesTheSample() {
    List<Mutant> sample = MutationHarness.sample(all(), 4, 7L);
    assertEquals(4, sample.size());
    Set<String> groups =
        sample.stream()
            .map(m -> m.corpusClass().simpleName() + " " + m.operator())
            .collect(Collectors.toSet());
    assertEquals(Set.of("A DUPLICATE_READ", "A PLAIN_ACCESS", "B MOVE_WRITE_OUT"), groups);
    assertTrue(sample.stream().allMatch(m -> m.equivalent() == null));
    assertEquals(sample, MutationHarness.sample(all(), 4, 7L));
    assertEquals(16, MutationHarness.sample(all(), 100, 7L).size());
  }
}

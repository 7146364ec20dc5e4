package dev.readonce.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readonce.checker.dataflow.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks the front ends run are the checker's registered ones: one per rule, in rule order,
 * then the vocabulary's own check.
 */
class ReadOnceChecksTest {

  @Test
  void oneRegisteredCheckPerRuleThenTheVocabularyCheck() {
    List<String> expected = new ArrayList<>();
    Arrays.stream(Rule.values()).map(Rule::checkName).forEach(expected::add);
    expected.add("UnknownContractName");
    assertEquals(expected, ReadOnceChecks.names());
    assertEquals(expected, ReadOnceChecks.all().stream().map(ReadOnceChecks::name).toList());
  }
}

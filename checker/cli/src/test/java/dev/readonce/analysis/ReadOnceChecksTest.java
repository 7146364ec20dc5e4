package dev.readonce.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readonce.checker.dataflow.Rule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The checks the front ends run are the checker's registered ones, one per rule, in rule order. */
class ReadOnceChecksTest {

  @Test
  void oneRegisteredCheckPerRule() {
    assertEquals(
        Arrays.stream(Rule.values()).map(Rule::checkName).toList(),
        ReadOnceChecks.all().stream().map(ReadOnceChecks::name).toList());
  }
}

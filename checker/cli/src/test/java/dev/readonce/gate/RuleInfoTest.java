package dev.readonce.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readonce.analysis.ReadOnceChecks;
import org.junit.jupiter.api.Test;

/** The gate runs and describes every check the checker registers, in the front ends' order. */
class RuleInfoTest {

  @Test
  void gateKnowsEveryRegisteredCheck() {
    assertEquals(
        ReadOnceChecks.all().stream().map(ReadOnceChecks::name).toList(),
        RuleInfo.ALL.stream().map(RuleInfo::name).toList());
  }
}

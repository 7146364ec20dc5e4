package dev.readonce.gate;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * Accepted findings, each known by its {@link Fingerprint#id()}; a finding whose fingerprint is
 * listed does not fail the gate.
 *
 * @param entries the accepted findings, with the fields that make up their fingerprints
 */
record Baseline(ImmutableList<Entry> entries) {

  /** The {@code version} of the baseline file format this gate reads and writes. */
  static final int FORMAT_VERSION = 1;

  /**
   * One accepted finding. Only {@code fingerprint} is matched; the other fields say what was
   * accepted, for the reader of the file and its diffs.
   *
   * @param fingerprint the finding's {@link Fingerprint#id()}
   * @param rule the check
   * @param path the file, relative to the repository root
   * @param type the enclosing type
   * @param member the enclosing member
   * @param slot the slot
   * @param statement the normalized statement
   * @param occurrence the occurrence index
   * @param line the line the finding was on when accepted (informational only)
   * @param message the message (informational only)
   */
  record Entry(
      String fingerprint,
      String rule,
      String path,
      String type,
      String member,
      String slot,
      String statement,
      int occurrence,
      int line,
      String message) {

    static Entry of(ReportedFinding finding) {
      Fingerprint fp = finding.fingerprint();
      return new Entry(
          fp.id(),
          fp.rule(),
          fp.path(),
          fp.type(),
          fp.member(),
          fp.slot(),
          fp.statement(),
          fp.occurrence(),
          finding.line(),
          finding.message());
    }
  }

  ImmutableSet<String> fingerprints() {
    return entries.stream().map(Entry::fingerprint).collect(ImmutableSet.toImmutableSet());
  }
}

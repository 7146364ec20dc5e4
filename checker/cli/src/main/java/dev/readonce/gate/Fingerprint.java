package dev.readonce.gate;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.Hashing;

/**
 * The identity of a finding that survives line shifts and unrelated edits: what was found, where in
 * the code's structure, and on which code — never a line number.
 *
 * @param rule the check's name
 * @param path the file, relative to the repository root, with {@code /} separators
 * @param type the enclosing named type, package-qualified ({@code p.Outer.Inner})
 * @param member the enclosing method signature ({@code walk(Upper,long)}, {@code <init>(int)},
 *     {@code <clinit>}), prefixed by outer members for code in anonymous classes ({@code run()/new
 *     Ops/entry(long,Upper)}); a field's name for code in its initializer
 * @param slot the slot named in the message
 * @param statement the enclosing statement's text without whitespace or comments, nested statements
 *     (bodies, blocks) replaced by {@code …}
 * @param occurrence the index among findings with equal other fields, in source order
 */
record Fingerprint(
    String rule,
    String path,
    String type,
    String member,
    String slot,
    String statement,
    int occurrence) {

  /** Bumped when the definition changes; baselines record it. */
  static final int VERSION = 1;

  /** Every field but the occurrence: what makes findings "identical" for counting. */
  String context() {
    return String.join("\n", rule, path, type, member, slot, statement);
  }

  /** The fingerprint proper: 32 hex digits of SHA-256 over the context and the occurrence. */
  String id() {
    return sha256(context() + "\n" + occurrence).substring(0, 32);
  }

  /**
   * SARIF's {@code partialFingerprints.primaryLocationLineHash}: a hash of the context and the
   * 1-based occurrence, in the {@code hash:n} shape GitHub computes itself when a tool gives none —
   * but over structure and normalized code rather than over raw lines.
   */
  String primaryLocationLineHash() {
    return sha256(context()).substring(0, 16) + ":" + (occurrence + 1);
  }

  Fingerprint withOccurrence(int index) {
    return new Fingerprint(rule, path, type, member, slot, statement, index);
  }

  private static String sha256(String text) {
    return Hashing.sha256().hashString(text, UTF_8).toString();
  }
}

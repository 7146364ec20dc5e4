package dev.readonce.gate;

/**
 * A finding as the reports show it.
 *
 * @param finding what the check reported
 * @param path the file relative to the repository root with {@code /} separators, or its absolute
 *     {@code file:} URI when it lies outside the root
 * @param insideRoot whether {@code path} is relative to the repository root
 * @param fingerprint its identity across line shifts
 * @param status whether it fails the gate, and if not why
 */
record ReportedFinding(
    Finding finding, String path, boolean insideRoot, Fingerprint fingerprint, Status status) {

  /** The path for tools that take file names: relative when inside the root, else absolute. */
  String fileName() {
    return insideRoot ? path : finding.file().toString();
  }

  boolean failsGate() {
    return status.failsGate();
  }

  String rule() {
    return finding.rule();
  }

  int line() {
    return finding.line();
  }

  int column() {
    return finding.column();
  }

  String message() {
    return finding.message();
  }
}

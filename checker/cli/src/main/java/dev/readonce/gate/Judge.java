package dev.readonce.gate;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;

/**
 * Decides which findings fail the gate: a finding the baseline accepts does not; with {@code
 * --since}, neither does one on a line the change does not add or modify; every other does.
 */
final class Judge {

  private final ImmutableSet<String> accepted;
  private final Optional<ChangedLines> changed;

  Judge(Optional<Baseline> baseline, Optional<ChangedLines> changed) {
    this.accepted = baseline.map(Baseline::fingerprints).orElse(ImmutableSet.of());
    this.changed = changed;
  }

  Status judge(Finding finding, Fingerprint fingerprint) {
    if (accepted.contains(fingerprint.id())) {
      return Status.BASELINED;
    }
    if (changed.isPresent() && !changed.get().contains(finding.file(), finding.line())) {
      return Status.OUTSIDE_CHANGE;
    }
    return Status.NEW;
  }
}

package dev.readonce.gate;

/** How the gate judges a finding; only {@link #NEW} findings fail it. */
enum Status {
  /** Not accepted by the baseline, and (with {@code --since}) on a line the change touches. */
  NEW("new"),
  /** Accepted: its fingerprint is in the {@code --baseline} file. */
  BASELINED("baselined"),
  /** With {@code --since}: on a line the change neither adds nor modifies. */
  OUTSIDE_CHANGE("outside-change");

  private final String id;

  Status(String id) {
    this.id = id;
  }

  /** The name used in the JSON report. */
  String id() {
    return id;
  }

  boolean failsGate() {
    return this == NEW;
  }
}

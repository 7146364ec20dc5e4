package dev.readonce.cli;

import picocli.CommandLine.Command;

/**
 * The review gate's entry in {@code readonce --help}. {@link Main} hands {@code check} and its
 * arguments to the gate before picocli sees them, so this class only describes it.
 */
@Command(
    name = "check",
    description = {
      "Run the ReadOnce checks on Java sources and report for review tools (the default;"
          + " `readonce check --help` lists its options)."
    })
final class CheckCommand implements Runnable {
  @Override
  public void run() {
    // Never reached: Main dispatches `check` itself.
  }
}

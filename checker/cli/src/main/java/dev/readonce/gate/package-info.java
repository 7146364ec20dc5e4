/**
 * The review gate: a command-line front end that runs the ReadOnce checks on a change in an
 * in-process javac and reports in the formats review tools read (text, SARIF, GitHub workflow
 * commands, JSON, checkstyle XML). It never runs the analysed code.
 *
 * <p>The pipeline, one class per step: {@link dev.readonce.gate.GateOptions} are parsed by picocli
 * in {@link dev.readonce.gate.ReviewGate}; {@link dev.readonce.gate.GateRun} expands the {@link
 * dev.readonce.gate.SourceFiles}, compiles them with the {@link
 * dev.readonce.gate.CompilationRunner}, gives each {@link dev.readonce.gate.Finding} a {@link
 * dev.readonce.gate.Fingerprint} ({@link dev.readonce.gate.Fingerprinter}), judges it against the
 * {@link dev.readonce.gate.Baseline} and the {@link dev.readonce.gate.ChangedLines} of a {@code
 * --since} diff, and hands the {@link dev.readonce.gate.Report} to one writer per {@link
 * dev.readonce.gate.Format}.
 */
package dev.readonce.gate;

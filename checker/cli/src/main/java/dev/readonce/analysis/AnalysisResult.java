package dev.readonce.analysis;

import com.google.common.collect.ImmutableList;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * What one compilation said.
 *
 * @param diagnostics everything javac reported, findings included (as Error Prone formats them)
 * @param findings the checks' findings, with ranges and fixes
 */
public record AnalysisResult(
    ImmutableList<Diagnostic<? extends JavaFileObject>> diagnostics,
    ImmutableList<CheckFinding> findings) {}

package dev.readonce.realcode;

import java.util.List;

/**
 * What one compilation under the checks produced.
 *
 * @param findings the ReadOnce findings, in javac's order
 * @param errors compiler errors and check crashes (each {@code file:line: message})
 */
public record CheckResult(List<Finding> findings, List<String> errors) {}

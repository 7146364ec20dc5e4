package dev.readonce.analysis;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;

/**
 * One finding of a ReadOnce check, with everything an editor shows of it.
 *
 * @param check the check's name, e.g. {@code UnlockedReread}
 * @param file the source file
 * @param start the offset where the flagged code starts
 * @param end the offset one past its end ({@code start} when javac does not know the end)
 * @param line the 1-based line of the position javac reports
 * @param column the 1-based column of that position
 * @param message the check's message, without the check name and the link
 * @param link the check's documentation link, as the diagnostic shows it
 * @param severity {@code ERROR}, {@code WARNING} or {@code SUGGESTION}, after the flags
 * @param fixes the suggested fixes, best first
 */
public record CheckFinding(
    String check,
    Path file,
    int start,
    int end,
    int line,
    int column,
    String message,
    String link,
    String severity,
    ImmutableList<SuggestedEdit> fixes) {}

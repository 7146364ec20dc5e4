package dev.readonce.analysis;

import com.google.common.collect.ImmutableList;

/**
 * One suggested fix of a finding, as edits of the finding's file.
 *
 * @param title what the fix does, for a code action's title
 * @param edits non-overlapping edits, in file order
 */
public record SuggestedEdit(String title, ImmutableList<TextEdit> edits) {}

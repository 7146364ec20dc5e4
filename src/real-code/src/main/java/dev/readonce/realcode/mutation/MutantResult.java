package dev.readonce.realcode.mutation;

import dev.readonce.realcode.Finding;
import java.util.List;

/**
 * One mutant's outcome.
 *
 * @param mutant the mutant
 * @param outcome what the checks did
 * @param newFindings the findings the original does not have
 * @param errors compiler errors, for a stillborn mutant
 */
public record MutantResult(
    Mutant mutant, Outcome outcome, List<Finding> newFindings, List<String> errors) {}

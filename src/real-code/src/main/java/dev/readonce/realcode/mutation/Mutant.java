package dev.readonce.realcode.mutation;

import dev.readonce.realcode.CorpusClass;

/**
 * One mutant of a corpus class: the class's source with one breach of its discipline.
 *
 * @param id stable identifier, {@code <Class>:<line>:<operator>:<n>}
 * @param corpusClass the class mutated
 * @param operator what was done
 * @param line the first line of the mutated statement in the mutant (mutations keep line numbers)
 * @param lastLine its last line (a dropped re-check's guarded block spans several)
 * @param what the code changed, for the survivors' list
 * @param source the mutant's full source
 * @param equivalent why the mutant is equivalent to the original (so not compiled and not in the
 *     score), or null for a real breach; see {@link Mutator} for the one criterion
 */
public record Mutant(
    String id,
    CorpusClass corpusClass,
    Operator operator,
    int line,
    int lastLine,
    String what,
    String source,
    String equivalent) {}

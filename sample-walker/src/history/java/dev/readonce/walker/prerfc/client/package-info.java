/**
 * The page walker's clients as Linux v5.10 had them: HMM's range snapshot, the page-table dump, the
 * dirty-tracking helpers, and {@code follow_pte()} / {@code follow_pfn()}. Every callback gets the
 * pointer to its entry and reads the entry itself. Lines that break a ReadOnce rule carry an
 * "expect:" marker comment, as in the walk.
 */
package dev.readonce.walker.prerfc.client;

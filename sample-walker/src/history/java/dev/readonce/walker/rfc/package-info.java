/**
 * The page walker and its clients with the RFC "mm/pagewalk: use READ_ONCE when reading the PUD
 * entry unlocked" applied as it was posted (v5.9 base): a "before" fixture of the ReadOnce checker,
 * and the subject of the split/refault race test.
 *
 * <p>The RFC applies two of the four moves at the PUD level: read once ({@code pud =
 * READ_ONCE(*pudp)}) and pass the snapshot down ({@code pud_entry(pud, pudp, ...)}, {@code
 * pmd_offset(&pud, addr)}). It does not show the snapshot it re-reads after {@code
 * split_huge_pud()} to be a table before descending (fixed in mainline by 3b89863c3fa4), and the
 * other levels are left as v5.9 had them. {@code follow_pfnmap_start()} before ffef67b93aa3 is here
 * too, the same half-applied discipline: a snapshot, not re-validated after the lock. The
 * {@code @Snapshot} annotations state the RFC's own contract. Lines that break a ReadOnce rule
 * carry "expect:" marker comments, as in {@code dev.readonce.walker.prerfc}, whose page-table
 * helpers ({@code PgtableV510}) this variant shares.
 */
package dev.readonce.walker.rfc;

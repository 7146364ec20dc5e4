/**
 * The page walker's clients with the RFC applied: HMM's range snapshot, the page-table dump and the
 * dirty-tracking helpers take the walker's PUD snapshot ({@code pud_entry(pud, pudp, ...)}); their
 * PMD and PTE callbacks are v5.9's. {@code FollowPfnmap} is {@code follow_pfnmap_start()} before
 * ffef67b93aa3.
 */
package dev.readonce.walker.rfc.client;

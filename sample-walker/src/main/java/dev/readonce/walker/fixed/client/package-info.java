/**
 * Kernel users of the page walk, written against the fixed walk: the HMM range snapshot ({@link
 * dev.readonce.walker.fixed.client.Hmm}), the page-table dump ({@link
 * dev.readonce.walker.fixed.client.Ptdump}), dirty tracking of shared mappings ({@link
 * dev.readonce.walker.fixed.client.MappingDirtyHelpers}), and {@code follow_pfnmap_start()} with
 * ffef67b93aa3 ({@link dev.readonce.walker.fixed.client.FollowPfnmap}).
 *
 * <p>Every callback decides on the snapshot it is given; one that takes the slot's lock reads the
 * slot again under the lock and tests it again before acting.
 */
package dev.readonce.walker.fixed.client;

/**
 * Annotations that mark shared slots and the code that reads them without their lock.
 *
 * <p>A <em>slot</em> is a memory cell that writers update while holding a lock and that readers
 * read without it. The discipline the ReadOnce checker enforces for such readers:
 *
 * <ol>
 *   <li><b>Read once</b>: read the slot once, atomically, into a snapshot ({@link ReadOnce}), and
 *       decide everything on the snapshot.
 *   <li><b>Pass the snapshot down</b>: callees get the snapshot ({@link Snapshot}), not only the
 *       slot handle to read again.
 *   <li><b>Re-validate after locking</b>: after taking the slot's lock ({@link LocksSlot}),
 *       compare the slot with the snapshot ({@link Revalidates}) and retry on a mismatch.
 *   <li><b>Descend through a checked pointer</b>: follow a snapshot to a lower table ({@link
 *       Descends}) only when a test ({@link PointerTest}) showed it to be a pointer, and without
 *       the lock only when the slot is {@link StableAfterPointer}.
 * </ol>
 *
 * <p>{@link LockHeld} marks a handle parameter whose slot's lock the caller holds for the whole
 * call. {@link ModifiesSlot} marks methods that change a slot, after which a re-read into the same
 * snapshot variable is a refresh, not a second read. {@link Holding}, {@link AcquiresLock} and
 * {@link ReleasesLock} state which named locks a method's callers hold, or it takes or releases;
 * {@link SingleWriter} marks the methods that are a slot's only, serialized writer, which read it
 * without the lock. {@link RacyHint} marks a method whose unlocked reads of a slot are deliberate
 * hints, and {@link ValidatesHint} a parameter that repairs such a hint under the slot's lock.
 * {@link FilledUnderLockOf} marks an array parameter whose elements a method stores under the
 * re-validated lock of a slot of another array parameter (a new table filled under the old bin's
 * lock before it is published).
 */
package dev.readonce.annotations;

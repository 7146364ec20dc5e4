package dev.readonce.checker.model;

/**
 * What a declaration says about a slot: its lock and whether it is stable once it holds a
 * pointer.
 *
 * @param lock the slot's lock
 * @param stableAfterPointer whether a pointer-checked snapshot may be descended without the lock
 */
public record SlotDecl(LockSpec lock, boolean stableAfterPointer) {}

package dev.readonce.checker.model;

/**
 * A method that may change a slot.
 *
 * @param slot the parameters designating the slot
 * @param requiresLock whether callers must hold the slot's lock (a store primitive)
 */
public record ModifiesDecl(SlotParams slot, boolean requiresLock) {}

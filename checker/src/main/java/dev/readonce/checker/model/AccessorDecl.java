package dev.readonce.checker.model;

/**
 * A method that reads one slot, the slot being designated by its receiver and arguments.
 *
 * @param slot the slot's declaration
 * @param atomic whether the read is atomic ({@code READ_ONCE}) rather than plain ({@code *p})
 */
public record AccessorDecl(SlotDecl slot, boolean atomic) {}

package dev.readonce.checker.dataflow;

/**
 * The identity of one snapshot: the read that produced it (a tree, compared by identity) or the
 * {@code @Snapshot} parameter that carries it into the method.
 *
 * @param origin the read's tree or the parameter's symbol
 */
public record SnapId(Object origin) {}

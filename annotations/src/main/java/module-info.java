/**
 * The ReadOnce vocabulary: annotations that say which memory cells are shared slots read without
 * their lock, which values are snapshots of them, and which methods lock, re-check, descend from,
 * test or modify them.
 *
 * <p>The annotations have class retention and no dependencies; the ReadOnce checker reads them at
 * compile time. Nothing here has any effect at run time.
 */
module dev.readonce.annotations {
  exports dev.readonce.annotations;
}

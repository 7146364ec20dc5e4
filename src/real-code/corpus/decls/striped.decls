# com.google.common.util.concurrent.Striped (Guava 33.4.0-jre): SmallLazyStriped keeps one weak
# reference per stripe in an AtomicReferenceArray and installs or clears it only by
# compareAndSet ("while (!locks.compareAndSet(index, existingRef, newRef))" in getAt,
# "locks.compareAndSet(arrayRef.index, arrayRef, null)" in drainQueue): no lock guards the
# elements, no plain store or set() writes them, and readers read an element once with get().
slot com.google.common.util.concurrent.Striped.SmallLazyStriped#locks  lock=

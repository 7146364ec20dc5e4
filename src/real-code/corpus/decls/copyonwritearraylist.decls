# java.util.concurrent.CopyOnWriteArrayList (JDK 25): the array reference is the slot. Every
# mutator takes synchronized (lock), reads the array with getArray(), builds a new array and
# publishes it with setArray; readers call getArray() once and work on that snapshot.

# getArray() is one volatile read of the field 'array' ("return array;"); writers of that field
# hold the monitor of the final field 'lock' (every setArray call site outside constructors,
# readObject and clone's fresh copy is inside synchronized (lock)).
accessor      java.util.concurrent.CopyOnWriteArrayList#getArray()  lock=lock

# setArray(a) is one volatile store of 'array' ("array = a;"), and its callers hold 'lock'.
modifies-slot java.util.concurrent.CopyOnWriteArrayList#setArray(java.lang.Object[])  requiresLock

# remove(o, snapshot, index) and addIfAbsent(e, snapshot) receive the caller's getArray() snapshot
# (remove(Object) and addIfAbsent(E) pass "Object[] snapshot = getArray();"), and compare it with
# getArray() under the lock ("if (snapshot != current)") before acting on it.
snapshot      java.util.concurrent.CopyOnWriteArrayList#remove(java.lang.Object, java.lang.Object[], int)  param=1
snapshot      java.util.concurrent.CopyOnWriteArrayList#addIfAbsent(java.lang.Object, java.lang.Object[])  param=1

# bulkRemove(filter, i, end), replaceAllRange and sortRange begin with "// assert
# Thread.holdsLock(lock);": their callers (removeIf, removeAll, retainAll, replaceAll, sort and
# the same methods of COWSubList) call them inside synchronized (lock). The checker verifies every
# call site.
holding java.util.concurrent.CopyOnWriteArrayList#bulkRemove(java.util.function.Predicate, int, int)  lock=lock
holding java.util.concurrent.CopyOnWriteArrayList#replaceAllRange(java.util.function.UnaryOperator, int, int)  lock=lock
holding java.util.concurrent.CopyOnWriteArrayList#sortRange(java.util.Comparator, int, int)  lock=lock

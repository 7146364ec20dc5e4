# Contracts of fixture.chm.BinMap, a map with ConcurrentHashMap's bin discipline.
# The same lines, with java.util.concurrent.ConcurrentHashMap for fixture.chm.BinMap, describe
# the JDK class (see checker/docs/declarations.md).

# The table's elements are the slots. A bin is locked by synchronizing on the head node it holds.
slot          fixture.chm.BinMap#table                                                lock=<held value>

# tabAt(tab, i) is one acquire read of the slot tab[i] (a static accessor: all its arguments
# designate the slot).
accessor      fixture.chm.BinMap#tabAt(fixture.chm.BinMap.Node[], int)                lock=<held value>

# setTabAt is a release store: callers hold the bin's lock.
modifies-slot fixture.chm.BinMap#setTabAt(fixture.chm.BinMap.Node[], int, fixture.chm.BinMap.Node)  slot=0,1 requiresLock

# casTabAt changes the slot without the lock (compare-and-set), so a read after it is a refresh.
modifies-slot fixture.chm.BinMap#casTabAt(fixture.chm.BinMap.Node[], int, fixture.chm.BinMap.Node, fixture.chm.BinMap.Node)  slot=0,1

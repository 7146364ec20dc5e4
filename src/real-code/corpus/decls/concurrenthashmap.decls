# java.util.concurrent.ConcurrentHashMap (JDK 25): the fields beyond 'table' and 'nextTable' that
# hold one of the map's tables, whose elements are therefore the same bins (read with tabAt,
# written under the head's monitor or by casTabAt). The bins themselves are declared in the
# checker's jdk-concurrenthashmap.decls, which the corpus reuses as a user would.

# A ForwardingNode is put into a bin of the old table by transfer() with "new
# ForwardingNode<K,V>(nextTab)": its final 'nextTable' is the table being filled, later 'table'.
# find() reads its bins with tabAt ("(e = tabAt(tab, (n - 1) & h)) == null").
slot java.util.concurrent.ConcurrentHashMap.ForwardingNode#nextTable  lock=<held value>

# A Traverser walks "Node<K,V>[] tab; // current table; updated if resized": the map's table given
# to its constructor, or a ForwardingNode's nextTable; advance() reads its bins with tabAt(t, i).
# The field itself is the traverser's own (one thread iterates), only its elements are shared.
slot java.util.concurrent.ConcurrentHashMap.Traverser#tab  lock=<held value>

# A BulkTask "Repeats some fields and code from class Traverser": "Node<K,V>[] tab; // same as
# Traverser", read in its advance() with tabAt(t, i).
slot java.util.concurrent.ConcurrentHashMap.BulkTask#tab  lock=<held value>

# A TableStack saves a traverser's table while it descends into a forwarded one (pushState stores
# "s.tab = t", recoverState restores "tab = s.tab"): the same tables again.
slot java.util.concurrent.ConcurrentHashMap.TableStack#tab  lock=<held value>

# transfer(Node<K,V>[] tab, Node<K,V>[] nextTab) fills the new table's bins i and i + n from the
# old bin i, under that bin's lock, re-checked, and only then forwards the old bin:
#   synchronized (f) { if (tabAt(tab, i) == f) { ...
#       setTabAt(nextTab, i, ln); setTabAt(nextTab, i + n, hn); setTabAt(tab, i, fwd); ... } }
# Other threads reach those two bins only through "fwd = new ForwardingNode<K,V>(nextTab)" once
# it is in tab[i]: readers through ForwardingNode.find and the traversers ("tab =
# ((ForwardingNode<K,V>)e).nextTable"), writers through helpTransfer, which they call only when
# their own old bin is forwarded ("else if ((fh = f.hash) == MOVED) tab = helpTransfer(tab, f);"),
# so a new bin is written by others only after its old bin is forwarded; concurrent resizers claim
# disjoint ranges of old bins ("U.compareAndSetInt(this, TRANSFERINDEX, nextIndex, ...)"). Until
# setTabAt(tab, i, fwd), the thread that holds old bin i's lock, re-checked, owns bins i and i + n.
# The checker verifies the lock and its re-check at each store into nextTab; it does not verify
# that bin i's lock is the one for indices i and i + n, nor the publication by fwd.
filled-under-lock-of java.util.concurrent.ConcurrentHashMap#transfer(java.util.concurrent.ConcurrentHashMap.Node[], java.util.concurrent.ConcurrentHashMap.Node[])  param=1 of=0

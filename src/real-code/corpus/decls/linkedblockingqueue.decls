# java.util.concurrent.LinkedBlockingQueue (JDK 25): the two-lock queue. Its class comment and
# every method keep 'head' under takeLock and 'last' under putLock (fullyLock() takes both).

# 'head' is only written by dequeue() and clear()/drainTo/unlink paths, each under takeLock
# (dequeue's comment: "Removes a node from head of queue. ... takeLock.isHeldByCurrentThread()").
slot java.util.concurrent.LinkedBlockingQueue#head  lock=takeLock

# 'last' is only written by enqueue() (called under putLock: "putLock.isHeldByCurrentThread()")
# and by clear()/unlink()/drainTo under fullyLock(), which takes putLock.
slot java.util.concurrent.LinkedBlockingQueue#last  lock=putLock

# fullyLock() is "putLock.lock(); takeLock.lock();" and fullyUnlock() "takeLock.unlock();
# putLock.unlock();" (its comments: "Locks to prevent both puts and takes." / "Unlocks to allow
# both puts and takes."). The checker verifies both bodies against these entries.
acquires-lock java.util.concurrent.LinkedBlockingQueue#fullyLock()    lock=putLock,takeLock
releases-lock java.util.concurrent.LinkedBlockingQueue#fullyUnlock()  lock=takeLock,putLock

# The private helpers state their lock in their first line ("// assert
# putLock.isHeldByCurrentThread();" in enqueue, "takeLock" in dequeue, both in unlink); the
# checker verifies every call site holds it (put/offer under putLock, take/poll under takeLock,
# remove and the iterators under fullyLock()).
holding java.util.concurrent.LinkedBlockingQueue#enqueue(java.util.concurrent.LinkedBlockingQueue.Node)  lock=putLock
holding java.util.concurrent.LinkedBlockingQueue#dequeue()  lock=takeLock
holding java.util.concurrent.LinkedBlockingQueue#unlink(java.util.concurrent.LinkedBlockingQueue.Node, java.util.concurrent.LinkedBlockingQueue.Node)  lock=putLock,takeLock

# succ(p) and findPred(p, ancestor) read 'head' when they find a dequeued or removed node; every
# caller (Itr.next/forEachRemaining/remove, the spliterator's trySplit/tryAdvance/forEachRemaining,
# forEachFrom, bulkRemove) calls them between fullyLock() and fullyUnlock(), which holds takeLock.
holding java.util.concurrent.LinkedBlockingQueue#succ(java.util.concurrent.LinkedBlockingQueue.Node)  lock=takeLock
holding java.util.concurrent.LinkedBlockingQueue#findPred(java.util.concurrent.LinkedBlockingQueue.Node, java.util.concurrent.LinkedBlockingQueue.Node)  lock=takeLock

# Racy hints. A node that was ever head is an ancestor of every node linked after it, so a stale
# head is still a correct place to start a search from; the class reads 'head' without takeLock
# twice, only as such a hint, and the checker holds each use to that (tests and sizes only,
# findPred under the lock; never stored, returned or handed elsewhere).
# bulkRemove: "Node<E> p = null, ancestor = head;" before any lock; under fullyLock() the hint is
# used only as "ancestor = findPred(q, ancestor); unlink(q, ancestor);", through findPred.
racy-hint java.util.concurrent.LinkedBlockingQueue#bulkRemove(java.util.function.Predicate)  field=head
# LBQSpliterator.trySplit: "((h = current) != null || (h = head.next) != null) && h.next != null"
# only decides whether to split; under fullyLock() it reads "p = head.next" again and uses only that.
racy-hint java.util.concurrent.LinkedBlockingQueue.LBQSpliterator#trySplit()  field=head
# findPred(p, ancestor): "Returns the predecessor of live node p, given a node that was once a live
# ancestor of p (or head)"; its first line "if (ancestor.item == null) ancestor = head;" replaces a
# removed ancestor with the current head, under takeLock (declared holding above).
validates-hint java.util.concurrent.LinkedBlockingQueue#findPred(java.util.concurrent.LinkedBlockingQueue.Node, java.util.concurrent.LinkedBlockingQueue.Node)  param=1 field=head

# java.util.concurrent.LinkedBlockingQueue (JDK 25): the two-lock queue. Its class comment and
# every method keep 'head' under takeLock and 'last' under putLock (fullyLock() takes both).

# 'head' is only written by dequeue() and clear()/drainTo/unlink paths, each under takeLock
# (dequeue's comment: "Removes a node from head of queue. ... takeLock.isHeldByCurrentThread()").
slot java.util.concurrent.LinkedBlockingQueue#head  lock=takeLock

# 'last' is only written by enqueue() (called under putLock: "putLock.isHeldByCurrentThread()")
# and by clear()/unlink()/drainTo under fullyLock(), which takes putLock.
slot java.util.concurrent.LinkedBlockingQueue#last  lock=putLock

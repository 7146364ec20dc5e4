# io.netty.util.concurrent.DefaultPromise (Netty 4.1.115.Final). The field comments say it:
# "Threading - synchronized(this)" for the listeners, the waiter count and the notification flag.

# 'listener' and 'listeners': "Threading - synchronized(this). We must support adding listeners
# when there is no EventExecutor." (written in addListener0/removeListener0, called under
# synchronized (this), and in notifyListenersNow inside synchronized (this)).
slot io.netty.util.concurrent.DefaultPromise#listener   lock=this
slot io.netty.util.concurrent.DefaultPromise#listeners  lock=this

# 'waiters': "Threading - synchronized(this). We are required to hold the monitor to use Java's
# underlying wait()/notifyAll()." (incWaiters/decWaiters are called inside synchronized (this)).
slot io.netty.util.concurrent.DefaultPromise#waiters  lock=this

# 'notifyingListeners': "Threading - synchronized(this). We must prevent concurrent notification
# and FIFO listener notification ..." (set and cleared in notifyListenersNow under the monitor).
slot io.netty.util.concurrent.DefaultPromise#notifyingListeners  lock=this

# The helpers that touch those fields are private and called only inside synchronized (this):
# addListener0 (addListener, addListeners), removeListener0 (removeListener, removeListeners),
# incWaiters/decWaiters (await, await0, awaitUninterruptibly). The checker verifies every call.
holding io.netty.util.concurrent.DefaultPromise#addListener0(io.netty.util.concurrent.GenericFutureListener)     lock=this
holding io.netty.util.concurrent.DefaultPromise#removeListener0(io.netty.util.concurrent.GenericFutureListener)  lock=this
holding io.netty.util.concurrent.DefaultPromise#incWaiters()  lock=this
holding io.netty.util.concurrent.DefaultPromise#decWaiters()  lock=this

# io.reactivex.rxjava3.subjects.BehaviorSubject (RxJava 3.1.10).

# The read-write lock 'lock' guards the current value and its version: the constructor keeps its
# views in final fields ("this.readLock = lock.readLock(); this.writeLock = lock.writeLock();"),
# the writer holds the write view and emitFirst the read view.

# The current value: its only store is setCurrent(), "writeLock.lock(); index++;
# value.lazySet(o); writeLock.unlock();"; readers take value.get() once (getValue, hasValue,
# hasComplete, hasThrowable; emitFirst under the read lock).
slot io.reactivex.rxjava3.subjects.BehaviorSubject#value  lock=lock

# The value's version: incremented only in setCurrent under the write lock, read in emitFirst
# under the read lock ("lock.lock(); index = s.index;" with "Lock lock = s.readLock;"), which
# excludes the writer, and without a lock by the single writer itself (below).
slot io.reactivex.rxjava3.subjects.BehaviorSubject#index  lock=lock

# The single writer of value and index. The class's Javadoc: "Calling onNext(Object),
# onError(Throwable) and onComplete() is required to be serialized (called from the same thread or
# called non-overlappingly from different threads through external means of serialization)", the
# Observer contract ("Calling the Observer's method must happen in a serialized fashion"). So
# onNext, onError and onComplete run one at a time, and they are the only code that reaches the
# stores: setCurrent() is called only by onNext and terminate(), terminate() only by onError and
# onComplete, and setCurrent is the only method that writes index ("index++") and value
# ("value.lazySet(o)"); the constructor only creates the AtomicReference. The writer therefore
# reads its own writes: onComplete's "bs.emitNext(o, index);  // relaxed read okay since this is
# the only mutator thread" (and the same read in onNext and onError). The stores still take the
# write lock, for emitFirst, which reads both under the read lock on subscribers' threads. The
# checks verify the rest: every write of index and value, and every call of these five methods,
# inside this class is made by one of them on the same object; that callers outside serialize
# their calls is the contract quoted above.
single-writer io.reactivex.rxjava3.subjects.BehaviorSubject#onNext(java.lang.Object)       slot=index,value
single-writer io.reactivex.rxjava3.subjects.BehaviorSubject#onError(java.lang.Throwable)   slot=index,value
single-writer io.reactivex.rxjava3.subjects.BehaviorSubject#onComplete()                   slot=index,value
single-writer io.reactivex.rxjava3.subjects.BehaviorSubject#terminate(java.lang.Object)    slot=index,value
single-writer io.reactivex.rxjava3.subjects.BehaviorSubject#setCurrent(java.lang.Object)   slot=index,value

# The copy-on-write array of subscribers: add() and remove() replace it by compareAndSet on a
# fresh copy, terminate() by getAndSet(TERMINATED); no lock, no plain store.
slot io.reactivex.rxjava3.subjects.BehaviorSubject#observers  lock=

# A subscriber's emission state: every access to 'queue', 'emitting' and 'next' is inside
# synchronized (this) (emitFirst, emitNext, emitLoop), the classic emitter loop.
slot io.reactivex.rxjava3.subjects.BehaviorSubject.BehaviorDisposable#queue     lock=this
slot io.reactivex.rxjava3.subjects.BehaviorSubject.BehaviorDisposable#emitting  lock=this
slot io.reactivex.rxjava3.subjects.BehaviorSubject.BehaviorDisposable#next      lock=this

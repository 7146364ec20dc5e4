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
# excludes the writer.
slot io.reactivex.rxjava3.subjects.BehaviorSubject#index  lock=lock

# The copy-on-write array of subscribers: add() and remove() replace it by compareAndSet on a
# fresh copy, terminate() by getAndSet(TERMINATED); no lock, no plain store.
slot io.reactivex.rxjava3.subjects.BehaviorSubject#observers  lock=

# A subscriber's emission state: every access to 'queue', 'emitting' and 'next' is inside
# synchronized (this) (emitFirst, emitNext, emitLoop), the classic emitter loop.
slot io.reactivex.rxjava3.subjects.BehaviorSubject.BehaviorDisposable#queue     lock=this
slot io.reactivex.rxjava3.subjects.BehaviorSubject.BehaviorDisposable#emitting  lock=this
slot io.reactivex.rxjava3.subjects.BehaviorSubject.BehaviorDisposable#next      lock=this

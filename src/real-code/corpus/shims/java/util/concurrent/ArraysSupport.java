/*
 * Part of the ReadOnce real-code corpus, not of the JDK: a stand-in for the one method of JDK 21's
 * jdk.internal.util.ArraysSupport that CopyOnWriteArrayList (JDK 25) uses and JDK 17 lacks.
 */
package java.util.concurrent;

/** {@code reverse}, as JDK 21's {@code jdk.internal.util.ArraysSupport} defines it. */
final class ArraysSupport {

  private ArraysSupport() {}

  /** Reverses the array in place and returns it. */
  static <T> T[] reverse(T[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      T t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}

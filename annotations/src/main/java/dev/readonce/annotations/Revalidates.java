package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This boolean method returns true exactly when the slot still holds the snapshot it is given (as
 * an argument or as the receiver), so that, under the slot's lock, every fact known about the
 * snapshot holds for the slot.
 *
 * <pre>{@code
 * @Revalidates
 * static boolean pmdSame(PmdRef pmdp, @Snapshot("pmdp") long pmdval) {
 *   return pmdp.get() == pmdval;
 * }
 * }</pre>
 *
 * <p>The built-in spelling needs no annotation: a locked read compared with {@code ==} or {@code
 * !=} against the snapshot ({@code if (tabAt(tab, i) == f)}). A predicate on the snapshot object
 * itself, such as Caffeine's {@code synchronized (prior) { if (!prior.isAlive()) continue; }},
 * is declared with this annotation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Revalidates {}

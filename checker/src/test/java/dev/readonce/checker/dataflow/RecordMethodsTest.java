package dev.readonce.checker.dataflow;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.readonce.checker.model.LockSpec;
import dev.readonce.checker.model.SlotDecl;
import dev.readonce.checker.model.SlotParams;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pcollections.OrderedPMap;

/**
 * The records whose {@code equals}/{@code hashCode} are written out by hand (for speed before the
 * JIT warms up) behave exactly as the generated ones would: instances differing in any one
 * component are unequal, equal instances have equal hashes, and every hash is the record's own
 * formula (so hash-ordered iteration, and with it every finding, is unchanged). The components are
 * found by reflection over each record, so a new component is covered without editing this test.
 */
class RecordMethodsTest {

  private final Names names = Names.instance(new Context());
  /** One value per (type, variant), so that two instances built from "the same" values share them. */
  private final Map<Class<?>, Object[]> values = new HashMap<>();

  /** The records whose equals and hashCode are written out (a new one belongs here). */
  private static final ImmutableList<Class<?>> WRITTEN_OUT =
      ImmutableList.of(
          SnapId.class,
          SnapState.class,
          SlotValue.class,
          SlotKey.class,
          TestSite.class,
          ReadRecord.class,
          LockRegion.class,
          Owned.class,
          AccessPath.class,
          AccessPath.Local.class,
          AccessPath.Old.class,
          AccessPath.Computed.class,
          AccessPath.This.class,
          AccessPath.Static.class,
          AccessPath.Field.class,
          AccessPath.Index.class,
          AccessPath.ConstIndex.class,
          AccessPath.AnyIndex.class,
          SlotParams.class,
          LockSpec.class,
          SlotDecl.class);

  @Test
  void writtenOutRecordsCompareEveryComponentAndKeepTheRecordHash() throws Exception {
    for (Class<?> record : WRITTEN_OUT) {
      check(record);
    }
  }

  @Test
  void aRecordThatLeftOutAComponentWouldFail() throws Exception {
    // The check itself can fail: a record whose equals ignores a component is caught.
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> check(Sloppy.class));
  }

  /** A record whose written-out equals forgets {@code b}. */
  record Sloppy(int a, String b) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Sloppy s && a == s.a;
    }

    @Override
    public int hashCode() {
      return a;
    }
  }

  private void check(Class<?> record) throws Exception {
    RecordComponent[] components = record.getRecordComponents();
    Object[] base = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      base[i] = value(components[i].getType(), 0);
    }
    Object a = construct(record, base);
    Object b = construct(record, base.clone());
    assertWithMessage("%s equal to an equal instance", record).that(a.equals(b)).isTrue();
    assertWithMessage("%s: equal instances' hashes", record)
        .that(a.hashCode())
        .isEqualTo(b.hashCode());
    assertWithMessage("%s: the record formula", record)
        .that(a.hashCode())
        .isEqualTo(recordHash(a));
    Object none = null;
    assertWithMessage("%s unequal to null", record).that(a.equals(none)).isFalse();
    assertWithMessage("%s unequal to another type", record).that(a.equals("x")).isFalse();
    for (int i = 0; i < components.length; i++) {
      Object[] other = base.clone();
      other[i] = value(components[i].getType(), 1);
      differ(record, components[i], a, construct(record, other));
      if (!components[i].getType().isPrimitive()) {
        Object[] withNull = base.clone();
        withNull[i] = null;
        Object n;
        try {
          n = construct(record, withNull);
        } catch (InvocationTargetException rejected) {
          continue; // the record refuses a null here
        }
        differ(record, components[i], a, n);
        assertWithMessage("%s with null %s equal to itself", record, components[i].getName())
            .that(n.equals(construct(record, withNull.clone())))
            .isTrue();
      }
    }
  }

  private static void differ(Class<?> record, RecordComponent component, Object a, Object b)
      throws Exception {
    assertWithMessage("%s differing in %s", record, component.getName())
        .that(a.equals(b) || b.equals(a))
        .isFalse();
    assertWithMessage("%s differing in %s: the record formula", record, component.getName())
        .that(b.hashCode())
        .isEqualTo(recordHash(b));
  }

  /** What {@code java.lang.runtime.ObjectMethods} computes: 31 * h + hash, component by component. */
  private static int recordHash(Object r) throws Exception {
    int h = 0;
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      java.lang.reflect.Method accessor = c.getAccessor();
      accessor.setAccessible(true);
      h = 31 * h + Objects.hashCode(accessor.invoke(r));
    }
    return h;
  }

  private static Object construct(Class<?> record, Object[] args) throws Exception {
    Class<?>[] types =
        Stream.of(record.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    Constructor<?> canonical = record.getDeclaredConstructor(types);
    canonical.setAccessible(true);
    return canonical.newInstance(args);
  }

  /** Two distinct values of a type (variant 0 and 1), the same object each time asked. */
  private Object value(Class<?> type, int variant) throws Exception {
    Object[] known = values.get(type);
    if (known == null) {
      known = new Object[] {make(type, 0), make(type, 1)};
      values.put(type, known);
    }
    return known[variant];
  }

  private Object make(Class<?> type, int variant) throws Exception {
    if (type == int.class) {
      return variant + 1;
    } else if (type == long.class) {
      return variant + 1L;
    } else if (type == boolean.class) {
      return variant == 1;
    } else if (type == String.class) {
      return "s" + variant;
    } else if (type.isEnum()) {
      return type.getEnumConstants()[variant];
    } else if (type == ImmutableSet.class) {
      return variant == 0 ? ImmutableSet.of() : ImmutableSet.of(new Object());
    } else if (type == ImmutableList.class) {
      return variant == 0 ? ImmutableList.of() : ImmutableList.of(new Object());
    } else if (type == OrderedPMap.class) {
      return variant == 0 ? OrderedPMap.empty() : OrderedPMap.empty().plus(new Object(), 1);
    } else if (type == VarSymbol.class) {
      return new VarSymbol(0, names.fromString("v" + variant), null, null);
    } else if (type == ClassSymbol.class) {
      return new ClassSymbol(0, names.fromString("C" + variant), null);
    } else if (type == Object.class) {
      return new Object();
    } else if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = value(components[i].getType(), variant);
      }
      return construct(type, args);
    } else if (type.isSealed()) {
      // Two different implementations (AccessPath's roots and steps).
      return make(type.getPermittedSubclasses()[variant], 0);
    } else if (type.isInterface()) {
      return identityProxy(type);
    }
    throw new AssertionError("no test values for a component of type " + type);
  }

  private static Object identityProxy(Class<?> type) {
    return Proxy.newProxyInstance(
        type.getClassLoader() == null ? Tree.class.getClassLoader() : type.getClassLoader(),
        new Class<?>[] {type},
        (proxy, method, args) ->
            switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              case "toString" -> type.getSimpleName();
              default -> throw new UnsupportedOperationException(method.getName());
            });
  }
}

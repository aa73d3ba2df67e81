package dev.lattice.model.read;

import dev.lattice.model.diagnostics.Suggestions;
import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.WireName;
import dev.lattice.model.cluster.ProviderConfig;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.diagnostics.SourcePosition;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a {@link Node} tree to the model's records by reflection over their components, reporting
 * every unknown field (with a "did you mean"), wrong type, missing required field and invalid enum
 * value. A record that can also be written as a scalar declares {@code static T fromScalar(String)}.
 * What a record type takes is looked up once per type ({@link Shape}: wire names, required fields,
 * defaults, a constructor handle) and shared by every read. Positions are not recorded here: the
 * document's {@link NodePositions} answers them when a diagnostic asks.
 *
 * <p>When a document has errors the bound value is incomplete and must not be used: {@link
 * DocumentReader} drops it.
 */
final class RecordBinder {
  private final Diagnostics diagnostics;
  private final ScalarBinder scalars = new ScalarBinder(this::error);
  private final boolean snakeCase;
  private int errors;

  RecordBinder(Diagnostics diagnostics, boolean snakeCase) {
    this.diagnostics = diagnostics;
    this.snakeCase = snakeCase;
  }

  int errors() {
    return errors;
  }

  <T> T bindRecord(Node node, Class<T> type) {
    return type.cast(bind(node, type, LazyPath.ROOT));
  }

  private Object bind(Node node, Type type, LazyPath path) {
    Class<?> raw = rawClass(type);
    if (raw == Optional.class) {
      if (isNull(node)) {
        return Optional.empty();
      }
      return Optional.ofNullable(bind(node, typeArg(type, 0), path));
    }
    if (raw == List.class) {
      return bindList(node, typeArg(type, 0), path);
    }
    if (raw == Map.class) {
      return bindMap(node, typeArg(type, 1), path);
    }
    if (raw.isRecord()) {
      return bindRecordValue(node, raw, path);
    }
    if (raw == Object.class) {
      return FreeForm.of(node);
    }
    return scalars.bindScalar(node, raw, path);
  }

  private List<Object> bindList(Node node, Type item, LazyPath path) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof Node.ListNode list)) {
      scalars.wrongType(node, "a list", path);
      return List.of();
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Object v = bind(list.items().get(i), item, path.item(i));
      if (v != null) {
        out.add(v);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private Map<String, Object> bindMap(Node node, Type value, LazyPath path) {
    if (isNull(node)) {
      return Map.of();
    }
    if (!(node instanceof Node.MapNode map)) {
      scalars.wrongType(node, "a mapping", path);
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Node.Entry e : map.entries().values()) {
      Object v = bind(e.value(), value, path.child(e.key()));
      if (v != null) {
        out.put(e.key(), v);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private Object bindRecordValue(Node node, Class<?> type, LazyPath path) {
    if (node instanceof Node.ScalarNode s && s.type() != Node.ScalarType.NULL) {
      MethodHandle fromScalar = Shape.of(type).fromScalar;
      if (fromScalar != null) {
        try {
          return fromScalar.invoke(s.text());
        } catch (RuntimeException e) {
          error(Codes.WRONG_TYPE, String.valueOf(e.getMessage()), null, s.position(), path);
          return null;
        } catch (Throwable e) {
          throw new IllegalStateException(type + ".fromScalar failed", e);
        }
      }
      scalars.wrongType(node, "a mapping", path);
      return construct(type, Node.emptyMap(node.position()), path, false);
    }
    if (isNull(node)) {
      return construct(type, Node.emptyMap(node.position()), path, true);
    }
    if (!(node instanceof Node.MapNode map)) {
      scalars.wrongType(node, "a mapping", path);
      return construct(type, Node.emptyMap(node.position()), path, false);
    }
    return construct(type, map, path, true);
  }

  private Object construct(Class<?> type, Node.MapNode map, LazyPath path, boolean reportMissing) {
    Shape shape = Shape.of(type);
    Node.Entry[] found = new Node.Entry[shape.components.length];
    for (Node.Entry e : map.entries().values()) {
      Integer c = shape.byWire.get(e.key());
      if (c == null && snakeCase && e.key().indexOf('_') >= 0) {
        c = shape.byWire.get(Paths.snakeToCamel(e.key()));
      }
      if (c == null) {
        unknownField(e, shape.wireNames, path, type);
      } else if (found[c] != null) {
        error(Codes.DUPLICATE_KEY, "field '" + shape.components[c].wire + "' is given twice (as '"
            + found[c].key() + "' and '" + e.key() + "')", "keep one spelling", e.keyPosition(),
            path.child(e.key()));
      } else {
        found[c] = e;
      }
    }
    Object[] args = new Object[found.length];
    for (int i = 0; i < found.length; i++) {
      Component c = shape.components[i];
      Node.Entry e = found[i];
      if (e != null) {
        args[i] = bind(e.value(), c.type, path.child(c.wire));
      } else {
        if (c.required && reportMissing) {
          error(Codes.MISSING_FIELD, "missing required field '" + c.wire + "'",
              "add " + c.wire + ": to " + (path.isRoot() ? "the document" : path),
              map.position(), path.child(c.wire));
        }
        args[i] = absent(c, map.position(), path);
      }
      if (args[i] == null) {
        args[i] = ScalarBinder.placeholder(c.raw);
      }
    }
    try {
      return shape.constructor.invoke(args);
    } catch (RuntimeException e) {
      error(Codes.INVALID_VALUE, "invalid " + type.getSimpleName() + ": "
          + (e.getMessage() == null ? "rejected" : e.getMessage()), null, map.position(), path);
      return null;
    } catch (Throwable e) {
      throw new IllegalStateException("model type " + type + " is not bindable", e);
    }
  }

  private Object absent(Component c, SourcePosition at, LazyPath parent) {
    if (c.defaultValue != null) {
      return scalars.bindScalar(new Node.ScalarNode(at, c.defaultValue, ScalarBinder.defaultType(c.raw)), c.raw,
          parent.child(c.wire));
    }
    if (c.raw.isRecord()) {
      return construct(c.raw, Node.emptyMap(at), parent.child(c.wire), false);
    }
    return ScalarBinder.empty(c.raw);
  }

  private void unknownField(Node.Entry e, Set<String> known, LazyPath path, Class<?> owner) {
    String key = snakeCase ? Paths.snakeToCamel(e.key()) : e.key();
    String hint = Suggestions.didYouMean(key, known)
        .orElse(known.isEmpty() ? "this value takes no fields" : "known fields here: " + String.join(", ", known));
    if (owner == ProviderConfig.class) {
      // a config block names a provider: the catalogue gives unknown providers their own code
      error(Codes.UNKNOWN_PROVIDER, "unknown provider '" + e.key() + "' in " + path,
          Suggestions.didYouMean(key, known).orElse("use one of: " + String.join(", ", known)),
          e.keyPosition(), path.child(e.key()));
      return;
    }
    error(Codes.UNKNOWN_FIELD, "unknown field '" + e.key() + "'" + (path.isRoot() ? "" : " in " + path),
        hint, e.keyPosition(), path.child(e.key()));
  }

  private void error(String code, String message, String hint, SourcePosition at, LazyPath path) {
    errors++;
    diagnostics.add(Diagnostic.error(code, message, hint, at, path.toString()));
  }

  private static boolean isNull(Node n) {
    return n instanceof Node.ScalarNode s && s.type() == Node.ScalarType.NULL;
  }

  static String wireName(RecordComponent c) {
    WireName w = c.getAnnotation(WireName.class);
    return w == null ? c.getName() : w.value();
  }

  /** One record component as the binder needs it. */
  private record Component(String wire, Type type, Class<?> raw, boolean required, String defaultValue) {
    static Component of(RecordComponent c) {
      DefaultValue d = c.getAnnotation(DefaultValue.class);
      return new Component(wireName(c), c.getGenericType(), c.getType(), c.isAnnotationPresent(Required.class),
          d == null ? null : d.value());
    }
  }

  /** What a record type takes, computed once per type: its components, wire names, constructor and fromScalar. */
  private static final class Shape {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
      @Override
      protected Shape computeValue(Class<?> type) {
        return new Shape(type);
      }
    };

    final Component[] components;
    final Map<String, Integer> byWire = new HashMap<>();
    final Set<String> wireNames = new LinkedHashSet<>();
    final MethodHandle constructor;
    final MethodHandle fromScalar;

    private Shape(Class<?> type) {
      RecordComponent[] rc = type.getRecordComponents();
      components = Arrays.stream(rc).map(Component::of).toArray(Component[]::new);
      for (int i = 0; i < components.length; i++) {
        byWire.putIfAbsent(components[i].wire, i);
        wireNames.add(components[i].wire);
      }
      try {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        constructor = lookup.findConstructor(type, MethodType.methodType(void.class,
                Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new)))
            .asSpreader(Object[].class, rc.length);
        fromScalar = fromScalar(lookup, type);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("model type " + type + " is not bindable", e);
      }
    }

    static Shape of(Class<?> type) {
      return SHAPES.get(type);
    }

    private static MethodHandle fromScalar(MethodHandles.Lookup lookup, Class<?> type) throws IllegalAccessException {
      try {
        Method m = type.getDeclaredMethod("fromScalar", String.class);
        return Modifier.isStatic(m.getModifiers()) ? lookup.unreflect(m) : null;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  }

  private static Class<?> rawClass(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("unsupported model type " + t);
  }

  private static Type typeArg(Type t, int i) {
    return ((ParameterizedType) t).getActualTypeArguments()[i];
  }
}

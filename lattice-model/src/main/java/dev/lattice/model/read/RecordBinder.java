package dev.lattice.model.read;

import dev.lattice.model.DefaultValue;
import dev.lattice.model.Required;
import dev.lattice.model.SourceMap;
import dev.lattice.model.WireEnum;
import dev.lattice.model.WireName;
import dev.lattice.model.cluster.ProviderConfig;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.diagnostics.SourcePosition;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds a {@link Node} tree to the model's records by reflection over their components, reporting
 * every unknown field (with a "did you mean"), wrong type, missing required field and invalid enum
 * value, and recording the position of every value in a {@link SourceMap}. A record that can also
 * be written as a scalar declares {@code static T fromScalar(String)}.
 *
 * <p>When a document has errors the bound value is incomplete and must not be used: {@link
 * DocumentReader} drops it.
 */
final class RecordBinder {
  private final Diagnostics diagnostics;
  private final ScalarBinder scalars = new ScalarBinder(this::error);
  private final SourceMap.Builder positions;
  private final boolean snakeCase;
  private int errors;

  RecordBinder(Diagnostics diagnostics, SourceMap.Builder positions, boolean snakeCase) {
    this.diagnostics = diagnostics;
    this.positions = positions;
    this.snakeCase = snakeCase;
  }

  int errors() {
    return errors;
  }

  <T> T bindRecord(Node node, Class<T> type, String path) {
    return type.cast(bind(node, type, path));
  }

  private Object bind(Node node, Type type, String path) {
    positions.put(path, node.position());
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

  private List<Object> bindList(Node node, Type item, String path) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof Node.ListNode list)) {
      scalars.wrongType(node, "a list", path);
      return List.of();
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Object v = bind(list.items().get(i), item, path + "[" + i + "]");
      if (v != null) {
        out.add(v);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private Map<String, Object> bindMap(Node node, Type value, String path) {
    if (isNull(node)) {
      return Map.of();
    }
    if (!(node instanceof Node.MapNode map)) {
      scalars.wrongType(node, "a mapping", path);
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Node.Entry e : map.entries().values()) {
      String p = Paths.child(path, e.key());
      positions.putKey(p, e.keyPosition());
      Object v = bind(e.value(), value, p);
      if (v != null) {
        out.put(e.key(), v);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private Object bindRecordValue(Node node, Class<?> type, String path) {
    if (node instanceof Node.ScalarNode s && s.type() != Node.ScalarType.NULL) {
      Method fromScalar = fromScalar(type);
      if (fromScalar != null) {
        try {
          return fromScalar.invoke(null, s.text());
        } catch (InvocationTargetException e) {
          error(Codes.WRONG_TYPE, String.valueOf(e.getCause().getMessage()), null, s.position(), path);
          return null;
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(fromScalar + " is not accessible", e);
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

  private Object construct(Class<?> type, Node.MapNode map, String path, boolean reportMissing) {
    RecordComponent[] components = type.getRecordComponents();
    Map<String, RecordComponent> byWire = new LinkedHashMap<>();
    for (RecordComponent c : components) {
      byWire.put(wireName(c), c);
    }
    Map<RecordComponent, Node.Entry> found = new LinkedHashMap<>();
    for (Node.Entry e : map.entries().values()) {
      RecordComponent c = byWire.get(e.key());
      if (c == null && snakeCase && e.key().indexOf('_') >= 0) {
        c = byWire.get(Paths.snakeToCamel(e.key()));
      }
      if (c == null) {
        unknownField(e, byWire.keySet(), path, type);
      } else if (found.containsKey(c)) {
        error(Codes.DUPLICATE_KEY, "field '" + wireName(c) + "' is given twice (as '"
            + found.get(c).key() + "' and '" + e.key() + "')", "keep one spelling", e.keyPosition(),
            Paths.child(path, e.key()));
      } else {
        found.put(c, e);
      }
    }
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      Node.Entry e = found.get(c);
      String p = Paths.child(path, wireName(c));
      if (e != null) {
        positions.putKey(p, e.keyPosition());
        args[i] = bind(e.value(), c.getGenericType(), p);
      } else {
        if (c.isAnnotationPresent(Required.class) && reportMissing) {
          error(Codes.MISSING_FIELD, "missing required field '" + wireName(c) + "'",
              "add " + wireName(c) + ": to " + (path.isEmpty() ? "the document" : path),
              map.position(), p);
        }
        args[i] = absent(c, map.position(), p);
      }
      if (args[i] == null) {
        args[i] = ScalarBinder.placeholder(c.getType());
      }
    }
    try {
      Constructor<?> ctor = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      error(Codes.INVALID_VALUE, "invalid " + type.getSimpleName() + ": "
          + (cause == null ? "rejected" : cause.getMessage()), null, map.position(), path);
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("model type " + type + " is not bindable", e);
    }
  }

  private Object absent(RecordComponent c, SourcePosition at, String path) {
    DefaultValue d = c.getAnnotation(DefaultValue.class);
    Class<?> raw = c.getType();
    if (d != null) {
      return scalars.bindScalar(new Node.ScalarNode(at, d.value(), ScalarBinder.defaultType(raw)), raw, path);
    }
    if (raw.isRecord()) {
      return construct(raw, Node.emptyMap(at), path, false);
    }
    return ScalarBinder.empty(raw);
  }

  private void unknownField(Node.Entry e, java.util.Set<String> known, String path, Class<?> owner) {
    String key = snakeCase ? Paths.snakeToCamel(e.key()) : e.key();
    String hint = Suggestions.didYouMean(key, known)
        .orElse(known.isEmpty() ? "this value takes no fields" : "known fields here: " + String.join(", ", known));
    if (owner == ProviderConfig.class) {
      // a config block names a provider: the catalogue gives unknown providers their own code
      error(Codes.UNKNOWN_PROVIDER, "unknown provider '" + e.key() + "' in " + path,
          Suggestions.didYouMean(key, known).orElse("use one of: " + String.join(", ", known)),
          e.keyPosition(), Paths.child(path, e.key()));
      return;
    }
    error(Codes.UNKNOWN_FIELD, "unknown field '" + e.key() + "'" + (path.isEmpty() ? "" : " in " + path),
        hint, e.keyPosition(), Paths.child(path, e.key()));
  }

  private void error(String code, String message, String hint, SourcePosition at, String path) {
    errors++;
    diagnostics.add(Diagnostic.error(code, message, hint, at, path));
  }

  private static boolean isNull(Node n) {
    return n instanceof Node.ScalarNode s && s.type() == Node.ScalarType.NULL;
  }

  static String wireName(RecordComponent c) {
    WireName w = c.getAnnotation(WireName.class);
    return w == null ? c.getName() : w.value();
  }

  private static Method fromScalar(Class<?> type) {
    try {
      Method m = type.getDeclaredMethod("fromScalar", String.class);
      return Modifier.isStatic(m.getModifiers()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
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

package dev.lattice.runtime.install;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.WireEnum;
import dev.lattice.model.base.WireName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Derives a structural OpenAPI v3 schema from the model's records, by the same rules the reader
 * binds with: a component's YAML name ({@link WireName}), {@link Required} components in {@code
 * required}, {@link WireEnum} spellings as {@code enum}, {@code Optional<T>} as {@code T}, lists as
 * arrays, maps as {@code additionalProperties}. Free-form values ({@code Object}, {@code
 * Map<String,Object>}) and records that may also be written as a scalar ({@code fromScalar}) keep
 * unknown fields ({@code x-kubernetes-preserve-unknown-fields}), since a structural schema cannot
 * say "a string or an object". Pure; the output is deterministic (component order).
 */
public final class SchemaDeriver {
  private final Deque<Class<?>> stack = new ArrayDeque<>();

  /** The schema of one record type. */
  public static ObjectNode of(Class<?> record) {
    return new SchemaDeriver().schema(record);
  }

  private ObjectNode schema(Type type) {
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      return schema(arg(type, 0));
    }
    if (raw == java.util.List.class) {
      ObjectNode s = typed("array");
      s.set("items", schema(arg(type, 0)));
      return s;
    }
    if (raw == java.util.Map.class) {
      ObjectNode s = typed("object");
      if (raw(arg(type, 1)) == Object.class) {
        s.put("x-kubernetes-preserve-unknown-fields", true);
      } else {
        s.set("additionalProperties", schema(arg(type, 1)));
      }
      return s;
    }
    if (raw == Object.class) {
      return freeForm("any value");
    }
    if (raw.isRecord()) {
      return record(raw);
    }
    return scalar(raw);
  }

  private ObjectNode record(Class<?> raw) {
    if (hasFromScalar(raw)) {
      return freeForm("a name, or an object of " + raw.getSimpleName());
    }
    if (stack.contains(raw)) {
      return freeForm("recursive " + raw.getSimpleName());
    }
    stack.push(raw);
    ObjectNode s = typed("object");
    ObjectNode properties = s.putObject("properties");
    ArrayNode required = Json.array();
    for (RecordComponent c : raw.getRecordComponents()) {
      String name = wireName(c);
      properties.set(name, schema(c.getGenericType()));
      if (c.isAnnotationPresent(Required.class)) {
        required.add(name);
      }
    }
    if (!required.isEmpty()) {
      s.set("required", required);
    }
    stack.pop();
    return s;
  }

  private static ObjectNode scalar(Class<?> raw) {
    if (raw == String.class) {
      return typed("string");
    }
    if (raw == int.class || raw == Integer.class) {
      return typed("integer").put("format", "int32");
    }
    if (raw == long.class || raw == Long.class) {
      return typed("integer").put("format", "int64");
    }
    if (raw == double.class || raw == Double.class) {
      return typed("number");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return typed("boolean");
    }
    if (raw.isEnum()) {
      ObjectNode s = typed("string");
      ArrayNode values = s.putArray("enum");
      for (Object constant : raw.getEnumConstants()) {
        values.add(constant instanceof WireEnum w ? w.wire() : ((Enum<?>) constant).name().toLowerCase());
      }
      return s;
    }
    throw new IllegalArgumentException("no schema rule for model type " + raw.getName());
  }

  private static ObjectNode typed(String type) {
    ObjectNode s = Json.object();
    s.put("type", type);
    return s;
  }

  private static ObjectNode freeForm(String description) {
    ObjectNode s = Json.object();
    s.put("description", description);
    s.put("x-kubernetes-preserve-unknown-fields", true);
    return s;
  }

  static String wireName(RecordComponent c) {
    WireName w = c.getAnnotation(WireName.class);
    return w == null ? c.getName() : w.value();
  }

  private static boolean hasFromScalar(Class<?> type) {
    try {
      Method m = type.getDeclaredMethod("fromScalar", String.class);
      return Modifier.isStatic(m.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("unsupported model type " + t);
  }

  private static Type arg(Type t, int i) {
    return ((ParameterizedType) t).getActualTypeArguments()[i];
  }
}

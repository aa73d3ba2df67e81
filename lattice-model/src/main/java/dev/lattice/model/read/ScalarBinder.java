package dev.lattice.model.read;

import dev.lattice.model.diagnostics.Suggestions;
import dev.lattice.model.base.WireEnum;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.SourcePosition;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds scalars for {@link RecordBinder}: strings (any scalar reads as text), integers and numbers
 * (a quoted number is a type error, as kubectl would say), booleans, and enums by their {@link
 * WireEnum} spelling; plus the placeholder values that keep a failed document's binding going.
 */
final class ScalarBinder {
  /** Where errors go: the owning binder counts them. */
  interface Errors {
    void error(String code, String message, String hint, SourcePosition at, LazyPath path);
  }

  private final Errors errors;

  ScalarBinder(Errors errors) {
    this.errors = errors;
  }

  private void error(String code, String message, String hint, SourcePosition at, LazyPath path) {
    errors.error(code, message, hint, at, path);
  }

  static Node.ScalarType defaultType(Class<?> raw) {
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return Node.ScalarType.INT;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return Node.ScalarType.BOOL;
    }
    if (raw == double.class || raw == Double.class) {
      return Node.ScalarType.FLOAT;
    }
    return Node.ScalarType.STRING;
  }

  Object bindScalar(Node node, Class<?> raw, LazyPath path) {
    if (!(node instanceof Node.ScalarNode s) || s.type() == Node.ScalarType.NULL) {
      wrongType(node, expected(raw), path);
      return null;
    }
    String text = s.text();
    if (raw == String.class) {
      return text; // any scalar reads as text: 3000 and "3000" are the same variable value
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      if (s.type() != Node.ScalarType.INT) {
        return wrongType(node, "an integer", path);
      }
      try {
        long v = Long.parseLong(text.replace("_", ""));
        if ((raw == int.class || raw == Integer.class) && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
          error(Codes.INVALID_VALUE, "number " + text + " is too large", null, node.position(), path);
          return null;
        }
        return raw == int.class || raw == Integer.class ? (Object) (int) v : (Object) v;
      } catch (NumberFormatException e) {
        return wrongType(node, "an integer", path);
      }
    }
    if (raw == double.class || raw == Double.class) {
      if (s.type() != Node.ScalarType.INT && s.type() != Node.ScalarType.FLOAT) {
        return wrongType(node, "a number", path);
      }
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        return wrongType(node, "a number", path);
      }
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (s.type() != Node.ScalarType.BOOL) {
        return wrongType(node, "true or false", path);
      }
      return Boolean.parseBoolean(text);
    }
    if (raw.isEnum()) {
      return bindEnum(s, raw, path);
    }
    throw new IllegalStateException("unsupported model type " + raw);
  }

  private Object bindEnum(Node.ScalarNode s, Class<?> raw, LazyPath path) {
    EnumWires wires = EnumWires.of(raw);
    Object exact = wires.exact.get(s.text());
    if (exact != null) {
      return exact;
    }
    Object[] constants = wires.constants;
    for (Object c : constants) {
      if (wire(c).equalsIgnoreCase(s.text().replace('_', '-'))
          || wire(c).equalsIgnoreCase(s.text())) {
        return c;
      }
    }
    String allowed = Arrays.stream(constants).map(ScalarBinder::wire).collect(Collectors.joining(", "));
    error(Codes.INVALID_VALUE, "'" + s.text() + "' is not one of: " + allowed,
        Suggestions.didYouMean(s.text(), Arrays.stream(constants).map(ScalarBinder::wire).toList())
            .orElse("use one of: " + allowed), s.position(), path);
    return null;
  }

  /** An enum's constants and their first constant by exact wire spelling, computed once per enum type. */
  private static final class EnumWires {
    private static final ClassValue<EnumWires> WIRES = new ClassValue<>() {
      @Override
      protected EnumWires computeValue(Class<?> type) {
        return new EnumWires(type.getEnumConstants());
      }
    };

    final Object[] constants;
    final Map<String, Object> exact = new java.util.HashMap<>();

    private EnumWires(Object[] constants) {
      this.constants = constants;
      for (Object c : constants) {
        exact.putIfAbsent(wire(c), c); // the first constant so spelled, as a scan in declaration order finds it
      }
    }

    static EnumWires of(Class<?> type) {
      return WIRES.get(type);
    }
  }

  private static String wire(Object constant) {
    return constant instanceof WireEnum w ? w.wire() : ((Enum<?>) constant).name().toLowerCase();
  }

  Object wrongType(Node node, String expected, LazyPath path) {
    String hint = node instanceof Node.ScalarNode s && s.type() == Node.ScalarType.STRING
            && (expected.contains("integer") || expected.contains("number"))
        ? "write the number without quotes"
        : null;
    error(Codes.WRONG_TYPE, "expected " + expected + " but found " + node.describe(), hint, node.position(), path);
    return null;
  }

  private static String expected(Class<?> raw) {
    if (raw == String.class) {
      return "a string";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "true or false";
    }
    if (raw.isEnum()) {
      return "one of " + Arrays.stream(raw.getEnumConstants()).map(ScalarBinder::wire).collect(Collectors.joining(", "));
    }
    return "a number";
  }

  /** The value of an absent collection or Optional: empty; {@code null} for every other type. */
  static Object empty(Class<?> raw) {
    if (raw == Optional.class) {
      return Optional.empty();
    }
    if (raw == List.class) {
      return List.of();
    }
    if (raw == Map.class) {
      return Map.of();
    }
    return null;
  }

  /** A stand-in that lets binding go on after an error; the document is dropped anyway. */
  static Object placeholder(Class<?> raw) {
    Object empty = empty(raw);
    if (empty != null) {
      return empty;
    }
    if (raw == int.class) {
      return 0;
    }
    if (raw == long.class) {
      return 0L;
    }
    if (raw == double.class) {
      return 0.0;
    }
    if (raw == boolean.class) {
      return false;
    }
    if (raw == String.class) {
      return "";
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    return null;
  }

}

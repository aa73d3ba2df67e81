package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers over Jackson trees. */
final class Json {
  private Json() {}

  /** The type name of a value as validate-k8s and the apiserver say it. */
  static String typeName(JsonNode d) {
    if (d == null || d.isNull()) {
      return "null";
    }
    if (d.isArray()) {
      return "array";
    }
    if (d.isObject()) {
      return "object";
    }
    if (d.isIntegralNumber()) {
      return "integer";
    }
    if (d.isNumber()) {
      double v = d.asDouble();
      return v == Math.rint(v) && Double.isFinite(v) ? "integer" : "number";
    }
    if (d.isBoolean()) {
      return "boolean";
    }
    return "string";
  }

  /** A copy without null map values (the apiserver prunes them); nulls in lists stay. */
  static JsonNode dropNulls(JsonNode n) {
    return hasNullValue(n) ? copyWithoutNulls(n) : n;
  }

  private static boolean hasNullValue(JsonNode n) {
    if (n.isObject()) {
      for (java.util.Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        JsonNode v = it.next();
        if (v.isNull() || hasNullValue(v)) {
          return true;
        }
      }
    } else if (n.isArray()) {
      for (JsonNode v : n) {
        if (hasNullValue(v)) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonNode copyWithoutNulls(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      n.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          out.set(e.getKey(), copyWithoutNulls(e.getValue()));
        }
      });
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      n.forEach(item -> out.add(copyWithoutNulls(item)));
      return out;
    }
    return n;
  }

  /** The value at a JSON pointer, or null. */
  static JsonNode at(JsonNode root, String pointer) {
    JsonNode n = root.at(pointer.isEmpty() ? "" : pointer);
    return n.isMissingNode() ? null : n;
  }
}

package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites an upstream schema into plain JSON Schema (draft 7) with Kubernetes semantics, the way
 * the apiserver applies the OpenAPI schema of a kind:
 * <ul>
 *   <li>objects with declared properties reject unknown fields unless marked
 *       {@code x-kubernetes-preserve-unknown-fields} ({@code kubectl --validate=strict}); for custom
 *       resources a bare {@code type: object} rejects them too (structural-schema pruning);
 *       properties under {@code anyOf/oneOf/allOf/not} only validate values, they declare no field;
 *   <li>{@code x-kubernetes-int-or-string} (and {@code format: int-or-string}) become
 *       {@code type: [integer, string]};
 *   <li>{@code x-kubernetes-embedded-resource} requires {@code apiVersion} and {@code kind} and
 *       allows {@code metadata};
 *   <li>{@code nullable} goes (null map values are dropped before validation, as the apiserver
 *       prunes them) and formats the apiserver does not check go.
 * </ul>
 * Same rules as {@code shared/tools/validate-k8s} (its README lists them), so both agree.
 */
final class SchemaTransform {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final boolean core;
  private final boolean strictFields;

  /**
   * @param core the schema comes from the Kubernetes OpenAPI spec (built-in kinds): list types are
   *     not enforced and a bare {@code type: object} stays open, as for the apiserver's built-ins
   */
  SchemaTransform(boolean core, boolean strictFields) {
    this.core = core;
    this.strictFields = strictFields;
  }

  JsonNode apply(JsonNode node) {
    return transform(node, false);
  }

  private JsonNode transform(JsonNode node, boolean valueOnly) {
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(item -> out.add(transform(item, valueOnly)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode s = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      switch (k) {
        case "description", "example", "externalDocs", "x-kubernetes-validations" -> { }
        case "properties", "definitions", "patternProperties" -> {
          ObjectNode map = s.putObject(k);
          v.fields().forEachRemaining(p -> map.set(p.getKey(), transform(p.getValue(), valueOnly)));
        }
        case "anyOf", "oneOf", "allOf", "not" -> s.set(k, transform(v, true));
        case "items", "additionalProperties" -> s.set(k, v.isObject() ? transform(v, valueOnly) : v);
        default -> s.set(k, v);
      }
    }
    s.remove("nullable");
    if ("int-or-string".equals(s.path("format").asText(null))) {
      s.remove("format");
      s.put("x-kubernetes-int-or-string", true);
    }
    if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (isIntOrStringAnyOf(s.get("anyOf"))) {
        s.remove("anyOf");
      }
      ArrayNode types = s.putArray("type");
      types.add("integer").add("string");
    }
    if (s.has("format") && !ApiServerFormats.NAMES.contains(s.get("format").asText())) {
      s.remove("format");
    }
    if (core) {
      s.remove("x-kubernetes-list-type");
    }
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    boolean embedded = s.path("x-kubernetes-embedded-resource").asBoolean(false);
    if (embedded) {
      Set<String> required = new LinkedHashSet<>();
      s.path("required").forEach(r -> required.add(r.asText()));
      required.add("apiVersion");
      required.add("kind");
      ArrayNode req = s.putArray("required");
      required.forEach(req::add);
      if (s.has("properties")) {
        ObjectNode props = NODES.objectNode();
        props.set("apiVersion", NODES.objectNode().put("type", "string"));
        props.set("kind", NODES.objectNode().put("type", "string"));
        props.set("metadata", NODES.objectNode().put("type", "object"));
        ((ObjectNode) s.get("properties")).fields().forEachRemaining(p -> props.set(p.getKey(), p.getValue()));
        JsonNode meta = props.get("metadata");
        if (!meta.has("properties")) {
          props.set("metadata", NODES.objectNode().put("type", "object"));
        }
        s.set("properties", props);
      }
    }
    if (!valueOnly && strictFields && !preserve && !s.has("additionalProperties") && !s.has("$ref")) {
      String type = s.path("type").isTextual() ? s.get("type").asText() : null;
      if (s.has("properties") && (type == null || type.equals("object"))) {
        s.put("additionalProperties", false);
      } else if (!core && "object".equals(type) && !s.has("properties") && !s.has("patternProperties") && !embedded) {
        s.put("additionalProperties", false);
      }
    }
    return s;
  }

  private static boolean isIntOrStringAnyOf(JsonNode anyOf) {
    if (anyOf == null || !anyOf.isArray() || anyOf.size() != 2) {
      return false;
    }
    boolean integer = false;
    boolean string = false;
    for (JsonNode alternative : anyOf) {
      String type = alternative.path("type").asText("");
      integer |= type.equals("integer");
      string |= type.equals("string");
    }
    return integer && string;
  }
}

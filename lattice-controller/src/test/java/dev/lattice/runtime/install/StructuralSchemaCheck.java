package dev.lattice.runtime.install;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a structural schema (apiextensions.k8s.io/v1) that the shared validator cannot
 * check, because the shared corpus has no CRD schema: every node has a type unless it preserves
 * unknown fields; properties only on objects, items only (and always) on arrays; never both
 * properties and additionalProperties; metadata says only {@code type: object}; one storage version.
 */
final class StructuralSchemaCheck {
  private StructuralSchemaCheck() {}

  static List<String> problems(JsonNode crd) {
    List<String> out = new ArrayList<>();
    JsonNode spec = crd.path("spec");
    String expectedName = spec.path("names").path("plural").asText() + "." + spec.path("group").asText();
    if (!crd.path("metadata").path("name").asText().equals(expectedName)) {
      out.add("metadata.name must be " + expectedName);
    }
    int storage = 0;
    for (JsonNode v : spec.path("versions")) {
      storage += v.path("storage").asBoolean() ? 1 : 0;
      JsonNode schema = v.path("schema").path("openAPIV3Schema");
      node(schema, "openAPIV3Schema", out);
      JsonNode meta = schema.path("properties").path("metadata");
      if (meta.size() != 1 || !meta.path("type").asText().equals("object")) {
        out.add("metadata must be just {type: object}");
      }
      if (!v.path("subresources").has("status")) {
        out.add("no status subresource");
      }
      for (JsonNode c : v.path("additionalPrinterColumns")) {
        if (!c.path("jsonPath").asText().startsWith(".")) {
          out.add("printer column " + c.path("name").asText() + " needs a jsonPath starting with '.'");
        }
      }
    }
    if (storage != 1) {
      out.add("exactly one storage version expected, found " + storage);
    }
    return out;
  }

  private static void node(JsonNode s, String path, List<String> out) {
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    boolean intOrString = s.path("x-kubernetes-int-or-string").asBoolean(false);
    String type = s.path("type").asText("");
    if (type.isEmpty() && !preserve && !intOrString) {
      out.add(path + ": no type");
    }
    if (s.has("properties") && !type.equals("object")) {
      out.add(path + ": properties on a non-object");
    }
    if (s.has("properties") && s.has("additionalProperties")) {
      out.add(path + ": both properties and additionalProperties");
    }
    if (type.equals("array") != s.has("items")) {
      out.add(path + ": items must be given exactly for arrays");
    }
    for (String forbidden : List.of("anyOf", "oneOf", "allOf", "not", "$ref")) {
      if (s.has(forbidden)) {
        out.add(path + ": " + forbidden + " is not allowed here");
      }
    }
    s.path("properties").fields().forEachRemaining(e -> node(e.getValue(), path + "." + e.getKey(), out));
    if (s.has("items")) {
      node(s.get("items"), path + "[]", out);
    }
    if (s.path("additionalProperties").isObject()) {
      node(s.get("additionalProperties"), path + ".*", out);
    }
    s.path("required").forEach(r -> {
      if (!s.path("properties").has(r.asText())) {
        out.add(path + ": required " + r.asText() + " is not a property");
      }
    });
  }
}

package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeywordValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code x-kubernetes-list-type: set|map}: the items of a set are unique, and so are the items of
 * a map by their {@code x-kubernetes-list-map-keys} (a missing key takes the item schema's default,
 * as the apiserver defaults before it validates). Kubernetes enforces this for custom resources
 * (apiextensions-apiserver {@code pkg/apiserver/schema/listtype}); built-in kinds do not get it.
 */
final class ListTypeKeyword implements Keyword {
  static final String NAME = "x-kubernetes-list-type";

  @Override
  public String getValue() {
    return NAME;
  }

  @Override
  public KeywordValidator newValidator(SchemaLocation location, JsonNode value, Schema parent, SchemaContext context) {
    JsonNode schema = parent.getSchemaNode();
    List<String> keys = new ArrayList<>();
    schema.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
    return new Validator(location, value, value.asText(), keys, schema.path("items").path("properties"));
  }

  private static final class Validator extends AbstractKeywordValidator {
    private final String type;
    private final List<String> keys;
    private final JsonNode itemProperties;

    Validator(SchemaLocation location, JsonNode value, String type, List<String> keys, JsonNode itemProperties) {
      super(NAME, value, location);
      this.type = type;
      this.keys = keys;
      this.itemProperties = itemProperties;
    }

    @Override
    public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath at) {
      if (!node.isArray() || !(type.equals("set") || type.equals("map"))) {
        return;
      }
      Map<Object, Integer> seen = new HashMap<>();
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        Object id = type.equals("set") ? item : keyOf(item);
        Integer first = seen.putIfAbsent(id, i);
        if (first != null) {
          String what = type.equals("set") ? item.toString() : describe(item);
          String message = "Duplicate value: " + what + " (also at index " + first + "; " + NAME + "=" + type + ")";
          context.addError(Error.builder().keyword(NAME).instanceLocation(at.append(i)).instanceNode(item)
              .messageSupplier(() -> message).build());
        }
      }
    }

    private List<JsonNode> keyOf(JsonNode item) {
      List<JsonNode> id = new ArrayList<>();
      for (String k : keys) {
        JsonNode v = item.get(k);
        id.add(v != null ? v : itemProperties.path(k).path("default"));
      }
      return id;
    }

    private String describe(JsonNode item) {
      List<String> parts = new ArrayList<>();
      List<JsonNode> id = keyOf(item);
      for (int j = 0; j < keys.size(); j++) {
        JsonNode v = id.get(j);
        parts.add(keys.get(j) + "=" + (v.isMissingNode() ? "null" : v.toString()));
      }
      return String.join(",", parts);
    }
  }
}

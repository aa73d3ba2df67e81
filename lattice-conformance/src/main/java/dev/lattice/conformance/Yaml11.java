package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed YAML node into a JSON tree the way Kubernetes decodes YAML: YAML 1.1 scalars
 * (sigs.k8s.io/yaml decodes with go-yaml v2, so an unquoted {@code on}/{@code yes}/{@code off} is a
 * boolean, {@code 0755} is the octal integer 493, {@code 1_000} is 1000), merge keys ({@code <<}),
 * duplicate keys are errors, and a non-string key becomes its string form ({@code on:} is the key
 * {@code "true"}). SnakeYAML resolves the tags with the YAML 1.1 rules; its constructor supplies the
 * values.
 */
final class Yaml11 {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 200;
  private Scalars scalars; // made when a scalar needs SnakeYAML's YAML 1.1 constructors
  private final IdentityHashMap<Node, Boolean> onPath = new IdentityHashMap<>();

  /** A document that cannot be decoded: the message and the node it is about. */
  static final class DecodeException extends RuntimeException {
    private final transient Node node;

    DecodeException(String message, Node node) {
      super(message);
      this.node = node;
    }

    Node node() {
      return node;
    }
  }

  JsonNode toJson(Node node) {
    return convert(node, 0);
  }

  private JsonNode convert(Node node, int depth) {
    if (depth > MAX_DEPTH) {
      throw new DecodeException("the document is nested deeper than " + MAX_DEPTH + " levels", node);
    }
    if (onPath.put(node, Boolean.TRUE) != null) {
      throw new DecodeException("a recursive alias cannot be decoded", node);
    }
    try {
      if (node instanceof MappingNode m) {
        return mapping(m, depth);
      }
      if (node instanceof SequenceNode s) {
        ArrayNode out = NODES.arrayNode();
        for (Node item : s.getValue()) {
          out.add(convert(item, depth + 1));
        }
        return out;
      }
      return scalar((ScalarNode) node);
    } finally {
      onPath.remove(node);
    }
  }

  private ObjectNode mapping(MappingNode m, int depth) {
    ObjectNode out = NODES.objectNode();
    List<Node> merges = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      if (k instanceof ScalarNode ks && (ks.getTag().equals(Tag.MERGE) || (ks.getValue().equals("<<")
          && ks.getTag().equals(Tag.STR) && ks.isPlain()))) {
        merges.add(t.getValueNode());
        continue;
      }
      String key = keyText(k);
      if (out.has(key)) {
        throw new DecodeException("duplicate key " + Problems.quote(key), k);
      }
      out.set(key, convert(t.getValueNode(), depth + 1));
    }
    for (Node merge : merges) {
      List<Node> sources = merge instanceof SequenceNode s ? s.getValue() : List.of(merge);
      for (Node source : sources) {
        JsonNode value = convert(source, depth + 1);
        if (!value.isObject()) {
          throw new DecodeException("a merge key (<<) needs a mapping or a list of mappings", source);
        }
        value.fields().forEachRemaining(e -> {
          if (!out.has(e.getKey())) {
            out.set(e.getKey(), e.getValue());
          }
        });
      }
    }
    return out;
  }

  private String keyText(Node k) {
    if (!(k instanceof ScalarNode s)) {
      throw new DecodeException("a mapping key must be a scalar", k);
    }
    JsonNode v = scalar(s);
    return v.isNull() ? "null" : v.asText();
  }

  private JsonNode scalar(ScalarNode s) {
    Tag tag = s.getTag();
    if (tag.equals(Tag.NULL)) {
      return NODES.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      return NODES.booleanNode((Boolean) scalars().value(s));
    }
    if (tag.equals(Tag.INT)) {
      String text = s.getValue();
      if (isPlainDecimal(text)) {
        return NODES.numberNode(Long.parseLong(text));
      }
      Object v = scalars().value(s);
      if (v instanceof Integer i) {
        return NODES.numberNode(i);
      }
      if (v instanceof Long l) {
        return NODES.numberNode(l);
      }
      return NODES.numberNode((BigInteger) v);
    }
    if (tag.equals(Tag.FLOAT)) {
      return NODES.numberNode((Double) scalars().value(s));
    }
    // strings, timestamps (JSON has no timestamp: the apiserver sees the text), binary (base64 text)
    return NODES.textNode(tag.equals(Tag.BINARY) ? s.getValue().replaceAll("\\s", "") : s.getValue());
  }

  private Scalars scalars() {
    if (scalars == null) {
      scalars = new Scalars();
    }
    return scalars;
  }

  /** A decimal integer without sign, leading zero (octal in YAML 1.1) or separators, that fits a long. */
  private static boolean isPlainDecimal(String t) {
    int n = t.length();
    if (n == 0 || n > 18 || (n > 1 && t.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** SnakeYAML's YAML 1.1 scalar constructors, exposed for one scalar at a time. */
  private static final class Scalars extends SafeConstructor {
    Scalars() {
      super(new LoaderOptions());
    }

    Object value(ScalarNode node) {
      try {
        return constructObject(node);
      } catch (RuntimeException e) {
        throw new DecodeException("cannot decode " + Problems.quote(node.getValue()) + " as "
            + node.getTag().getValue().replace(Tag.PREFIX, "!!"), node);
      }
    }
  }

}

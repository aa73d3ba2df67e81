package dev.lattice.document;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The frozen content of a {@link Document}: a mapping (keys in written order), a sequence or a
 * scalar. Containers are arrays, not hash maps, so a frozen document takes a fraction of the heap
 * of the Jackson tree it was built from; scalars keep Jackson's own value nodes, which are
 * immutable. Nothing here can be changed after it is made; {@link #toJson()} gives a fresh Jackson
 * copy to whoever needs one, and any Jackson mapper writes a value as it would its Jackson tree
 * (the same generator calls), without a copy.
 */
public sealed interface Value extends JsonSerializable permits Value.Mapping, Value.Sequence, Value.Scalar {

  @Override
  default void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }

  /** The frozen copy of a Jackson tree (a missing node is not a value). */
  static Value of(JsonNode node) {
    if (node.isObject()) {
      return Mapping.of((ObjectNode) node);
    }
    if (node.isArray()) {
      Value[] items = new Value[node.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = of(node.get(i));
      }
      return new Sequence(items);
    }
    if (node instanceof ValueNode v) {
      return new Scalar(v);
    }
    throw new IllegalArgumentException("not a document value: " + node.getNodeType());
  }

  /** A fresh, mutable Jackson copy of this value. */
  JsonNode toJson();

  /** The value under {@code key} of a mapping, or empty (for a missing key or a non-mapping). */
  default Optional<Value> get(String key) {
    return Optional.empty();
  }

  /** The text of a string scalar, or empty. */
  default Optional<String> text() {
    return Optional.empty();
  }

  /** The value at a path of mapping keys, or empty. */
  default Optional<Value> at(String... keys) {
    Optional<Value> v = Optional.of(this);
    for (String key : keys) {
      v = v.flatMap(x -> x.get(key));
    }
    return v;
  }

  /** A mapping: keys and values side by side, in the order they are written. */
  final class Mapping implements Value {
    private static final String[] NO_KEYS = new String[0];
    private static final Value[] NO_VALUES = new Value[0];
    private final String[] keys;
    private final Value[] values;
    private int hash;

    private Mapping(String[] keys, Value[] values) {
      this.keys = keys;
      this.values = values;
    }

    /** The frozen copy of a Jackson object. */
    public static Mapping of(ObjectNode node) {
      int size = node.size();
      if (size == 0) {
        return new Mapping(NO_KEYS, NO_VALUES);
      }
      String[] keys = new String[size];
      Value[] values = new Value[size];
      int i = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); i++) {
        Map.Entry<String, JsonNode> e = it.next();
        keys[i] = e.getKey();
        values[i] = Value.of(e.getValue());
      }
      return new Mapping(keys, values);
    }

    public int size() {
      return keys.length;
    }

    public String key(int i) {
      return keys[i];
    }

    public Value value(int i) {
      return values[i];
    }

    @Override
    public Optional<Value> get(String key) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(key)) {
          return Optional.of(values[i]);
        }
      }
      return Optional.empty();
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeStartObject(this, keys.length);
      for (int i = 0; i < keys.length; i++) {
        gen.writeFieldName(keys[i]);
        values[i].serialize(gen, serializers);
      }
      gen.writeEndObject();
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < keys.length; i++) {
        o.set(keys[i], values[i].toJson());
      }
      return o;
    }

    @Override
    public boolean equals(Object other) {
      // hashes tell two mappings apart only when both are known: computing one walks the whole tree
      return other == this || other instanceof Mapping m && (hash == 0 || m.hash == 0 || hash == m.hash)
          && Arrays.equals(keys, m.keys) && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
      int h = hash;
      if (h == 0) {
        h = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
        hash = h == 0 ? 1 : h;
      }
      return hash;
    }

    @Override
    public String toString() {
      return toJson().toString();
    }
  }

  /** A sequence of values, in order. */
  final class Sequence implements Value {
    private final Value[] items;

    private Sequence(Value[] items) {
      this.items = items;
    }

    public int size() {
      return items.length;
    }

    public Value item(int i) {
      return items[i];
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeStartArray(this, items.length);
      for (Value item : items) {
        item.serialize(gen, serializers);
      }
      gen.writeEndArray();
    }

    @Override
    public ArrayNode toJson() {
      ArrayNode a = JsonNodeFactory.instance.arrayNode(items.length);
      for (Value item : items) {
        a.add(item.toJson());
      }
      return a;
    }

    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof Sequence s && Arrays.equals(items, s.items);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(items);
    }

    @Override
    public String toString() {
      return toJson().toString();
    }
  }

  /** A string, number, boolean or null: Jackson's value node, immutable as it is. */
  record Scalar(ValueNode node) implements Value {
    public Scalar {
      Objects.requireNonNull(node, "node");
      if (node instanceof MissingNode) {
        throw new IllegalArgumentException("a missing node is not a value");
      }
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
      node.serialize(gen, serializers);
    }

    @Override
    public ValueNode toJson() {
      return node;
    }

    @Override
    public Optional<String> text() {
      return Optional.ofNullable(node.textValue());
    }
  }
}

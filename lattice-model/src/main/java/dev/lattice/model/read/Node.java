package dev.lattice.model.read;

import dev.lattice.model.diagnostics.SourcePosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed YAML/JSON value that remembers where it was written. Internal to the reader. */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

  SourcePosition position();

  /** A short word for messages: "a mapping", "a list", "a string", "a number", ... */
  String describe();

  /** A mapping whose entries keep their order and the position of each key. */
  record MapNode(SourcePosition position, LinkedHashMap<String, Entry> entries) implements Node {
    @Override
    public String describe() {
      return "a mapping";
    }

    Node get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }
  }

  /** One key of a mapping, with where the key itself was written. */
  record Entry(String key, SourcePosition keyPosition, Node value) {}

  record ListNode(SourcePosition position, List<Node> items) implements Node {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar with the type its syntax gave it (a quoted "3" is a STRING, a plain 3 an INT). */
  record ScalarNode(SourcePosition position, String text, ScalarType type) implements Node {
    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "a string";
        case INT, FLOAT -> "a number";
        case BOOL -> "a boolean";
        case NULL -> "null";
      };
    }
  }

  enum ScalarType {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  static MapNode emptyMap(SourcePosition at) {
    return new MapNode(at, new LinkedHashMap<>());
  }

  static Map<String, Entry> entriesOf(Node n) {
    return n instanceof MapNode m ? m.entries() : Map.of();
  }
}

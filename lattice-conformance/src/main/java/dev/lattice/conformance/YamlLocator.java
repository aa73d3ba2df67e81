package dev.lattice.conformance;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Positions in a composed YAML document (SnakeYAML's marks), looked up only when a problem needs one. */
final class YamlLocator implements Locator {
  private final Node root;

  YamlLocator(Node root) {
    this.root = root;
  }

  @Override
  public Position find(String pointer, String property) {
    Node n = root;
    if (!pointer.isEmpty()) {
      for (String raw : pointer.substring(1).split("/", -1)) {
        Node next = child(n, raw.replace("~1", "/").replace("~0", "~"), false);
        if (next == null) {
          return at(n);
        }
        n = next;
      }
    }
    if (property != null) {
      Node key = child(n, property, true);
      if (key != null) {
        return at(key);
      }
    }
    return at(n);
  }

  private static Node child(Node n, String token, boolean wantKey) {
    if (n instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && keyMatches(k, token)) {
          return wantKey ? k : t.getValueNode();
        }
      }
      for (NodeTuple t : m.getValue()) { // through merge keys
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("<<")) {
          Node found = child(t.getValueNode(), token, wantKey);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }
    if (n instanceof SequenceNode s) {
      if (wantKey) {
        return null;
      }
      for (Node item : s.getValue()) { // a merge of a list of mappings
        if (item instanceof MappingNode && !token.matches("\\d+")) {
          Node found = child(item, token, false);
          if (found != null) {
            return found;
          }
        }
      }
      if (token.matches("\\d{1,9}")) {
        int i = Integer.parseInt(token);
        return i < s.getValue().size() ? s.getValue().get(i) : null;
      }
    }
    return null;
  }

  private static boolean keyMatches(ScalarNode k, String token) {
    String v = k.getValue();
    if (v.equals(token)) {
      return true;
    }
    // a YAML 1.1 boolean key (on:, yes:) decodes to "true" or "false"
    if (k.getTag().equals(org.yaml.snakeyaml.nodes.Tag.BOOL)) {
      boolean truthy = java.util.Set.of("yes", "on", "true").contains(v.toLowerCase(java.util.Locale.ROOT));
      return token.equals(String.valueOf(truthy));
    }
    return false;
  }

  private static Position at(Node n) {
    Mark m = n.getStartMark();
    return m == null ? new Position(1, 1) : new Position(m.getLine() + 1, m.getColumn() + 1);
  }
}

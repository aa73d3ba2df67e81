package dev.lattice.model.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts free-form values (resource {@code params}, network topology) into immutable plain Java:
 * {@code Map<String,Object>} (input order), {@code List<Object>}, {@code String}, {@code Long},
 * {@code Double}, {@code Boolean}. Nulls are dropped.
 */
final class FreeForm {
  private FreeForm() {}

  static Object of(Node node) {
    if (node instanceof Node.MapNode m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().forEach((k, e) -> {
        Object v = of(e.value());
        if (v != null) {
          out.put(k, v);
        }
      });
      return Collections.unmodifiableMap(out);
    }
    if (node instanceof Node.ListNode l) {
      List<Object> out = new ArrayList<>();
      l.items().forEach(i -> {
        Object v = of(i);
        if (v != null) {
          out.add(v);
        }
      });
      return Collections.unmodifiableList(out);
    }
    Node.ScalarNode s = (Node.ScalarNode) node;
    switch (s.type()) {
      case NULL:
        return null;
      case BOOL:
        return Boolean.parseBoolean(s.text());
      case INT:
        try {
          return Long.parseLong(s.text().replace("_", ""));
        } catch (NumberFormatException e) {
          return s.text();
        }
      case FLOAT:
        try {
          return Double.parseDouble(s.text());
        } catch (NumberFormatException e) {
          return s.text();
        }
      default:
        return s.text();
    }
  }
}

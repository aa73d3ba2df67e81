package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Label selector matching ({@code matchLabels} and {@code matchExpressions}), as the apiserver does. */
final class Selectors {
  private Selectors() {}

  static boolean matches(JsonNode selector, JsonNode labels) {
    for (Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode actual = labels.get(e.getKey());
      if (actual == null || !actual.equals(e.getValue())) {
        return false;
      }
    }
    for (JsonNode r : selector.path("matchExpressions")) {
      String key = r.path("key").asText();
      boolean has = labels.has(key);
      boolean listed = false;
      for (JsonNode v : r.path("values")) {
        listed |= has && v.equals(labels.get(key));
      }
      switch (r.path("operator").asText()) {
        case "In" -> { if (!listed) { return false; } }
        case "NotIn" -> { if (listed) { return false; } }
        case "Exists" -> { if (!has) { return false; } }
        case "DoesNotExist" -> { if (has) { return false; } }
        default -> { }
      }
    }
    return true;
  }
}

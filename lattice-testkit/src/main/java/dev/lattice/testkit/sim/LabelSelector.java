package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Kubernetes label selector with Cilium label keys: {@code matchLabels} and
 * {@code matchExpressions} (In, NotIn, Exists, DoesNotExist), all requirements AND-ed, an empty
 * selector matching everything. Keys are compared after dropping the {@code k8s:}/{@code any:}
 * source prefix (see {@link #normaliseKey}); an unknown operator never matches.
 */
final class LabelSelector {

  private record Requirement(String key, String operator, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> false;
      };
    }

    @Override
    public String toString() {
      return switch (operator) {
        case "Exists" -> key;
        case "DoesNotExist" -> "!" + key;
        default -> key + " " + operator + " " + values;
      };
    }
  }

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  /** Parses a selector object; a missing or non-object node is the empty selector. */
  static LabelSelector parse(JsonNode node) {
    List<Requirement> reqs = new ArrayList<>();
    node.path("matchLabels").fields().forEachRemaining(e ->
        reqs.add(new Requirement(normaliseKey(e.getKey()), "In", Set.of(e.getValue().asText()))));
    for (JsonNode expr : node.path("matchExpressions")) {
      Set<String> values = new TreeSet<>();
      expr.path("values").forEach(v -> values.add(v.asText()));
      reqs.add(new Requirement(
          normaliseKey(expr.path("key").asText()), expr.path("operator").asText(), values));
    }
    return new LabelSelector(reqs);
  }

  /**
   * Drops a {@code k8s:}, {@code any:}, {@code container:} or {@code unspec:} source prefix;
   * keeps {@code reserved:} (entities) and anything else as written, so it matches nothing of a
   * pod. Keys without a prefix match any source, as in Cilium.
   */
  static String normaliseKey(String key) {
    for (String prefix : List.of("k8s:", "any:", "container:", "unspec:")) {
      if (key.startsWith(prefix)) {
        return key.substring(prefix.length());
      }
    }
    return key;
  }

  boolean matches(Map<String, String> labels) {
    return requirements.stream().allMatch(r -> r.matches(labels));
  }

  boolean hasKey(String key) {
    return requirements.stream().anyMatch(r -> r.key.equals(key));
  }

  boolean hasKeyWithPrefix(String prefix) {
    return requirements.stream().anyMatch(r -> r.key.startsWith(prefix));
  }

  /** A copy that also requires {@code key = value}. */
  LabelSelector and(String key, String value) {
    List<Requirement> reqs = new ArrayList<>(requirements);
    reqs.add(new Requirement(key, "In", Set.of(value)));
    return new LabelSelector(reqs);
  }

  /** A copy that also requires {@code key} to exist. */
  LabelSelector andExists(String key) {
    List<Requirement> reqs = new ArrayList<>(requirements);
    reqs.add(new Requirement(key, "Exists", Set.of()));
    return new LabelSelector(reqs);
  }

  @Override
  public String toString() {
    return requirements.isEmpty() ? "{}" : requirements.toString();
  }
}

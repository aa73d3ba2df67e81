package dev.lattice.compiler.authz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One scope constraint of a Cedar policy ({@code principal}, {@code action} or {@code resource}):
 * an optional entity type ({@code is T}) and an optional set of entities, matched by equality
 * ({@code ==}) or by ancestry ({@code in}: the entity itself or one of its ancestors). No type and
 * no set is the unconstrained {@code principal}.
 */
record EntityConstraint(Optional<String> type, Optional<Set<String>> entities, boolean equality) {
  static final EntityConstraint ANY = new EntityConstraint(Optional.empty(), Optional.empty(), false);

  EntityConstraint {
    entities = entities.map(Set::copyOf);
  }

  /** A Cedar entity uid as one string: {@code Lattice::Service::"media/sonarr"}. */
  static String uid(String type, String id) {
    boolean plain = id.indexOf('"') < 0 && id.indexOf('\\') < 0;
    return type + "::\"" + (plain ? id : id.replace("\\", "\\\\").replace("\"", "\\\"")) + '"';
  }

  /**
   * Whether an entity of {@code entityType} and uid {@code self}, whose ancestors and itself are
   * {@code lineage}, satisfies the constraint.
   */
  boolean matches(String entityType, String self, Set<String> lineage) {
    if (type.isPresent() && !type.get().equals(entityType)) {
      return false;
    }
    if (entities.isEmpty()) {
      return true;
    }
    Set<String> set = entities.get();
    if (equality) {
      return set.contains(self);
    }
    for (String e : lineage) {
      if (set.contains(e)) {
        return true;
      }
    }
    return false;
  }

  /** The single entity a request must equal or descend from, when there is exactly one. */
  Optional<String> single() {
    return entities.filter(s -> s.size() == 1).map(s -> s.iterator().next());
  }

  /**
   * Reads a scope constraint of Cedar's JSON policy format; empty for a shape this class does not
   * model (template slots), which then needs the engine.
   */
  static Optional<EntityConstraint> fromJson(JsonNode node) {
    String op = node.path("op").asText("");
    switch (op) {
      case "All":
        return Optional.of(ANY);
      case "==":
        return entity(node.get("entity")).map(e -> new EntityConstraint(Optional.empty(), Optional.of(Set.of(e)), true));
      case "in":
        if (node.has("entities")) {
          Set<String> set = new LinkedHashSet<>();
          for (JsonNode n : node.get("entities")) {
            Optional<String> e = entity(n);
            if (e.isEmpty()) {
              return Optional.empty();
            }
            set.add(e.get());
          }
          return Optional.of(new EntityConstraint(Optional.empty(), Optional.of(set), false));
        }
        return entity(node.get("entity")).map(e -> new EntityConstraint(Optional.empty(), Optional.of(Set.of(e)), false));
      case "is":
        Optional<String> type = Optional.ofNullable(node.get("entity_type")).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (type.isEmpty()) {
          return Optional.empty();
        }
        if (!node.has("in")) {
          return Optional.of(new EntityConstraint(type, Optional.empty(), false));
        }
        return entity(node.get("in").get("entity")).map(e -> new EntityConstraint(type, Optional.of(Set.of(e)), false));
      default:
        return Optional.empty();
    }
  }

  private static Optional<String> entity(JsonNode n) {
    if (n == null) {
      return Optional.empty();
    }
    JsonNode e = n.has("__entity") ? n.get("__entity") : n;
    if (!e.path("type").isTextual() || !e.path("id").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(uid(e.get("type").asText(), e.get("id").asText()));
  }
}

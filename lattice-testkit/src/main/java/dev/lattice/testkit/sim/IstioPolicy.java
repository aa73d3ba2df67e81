package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An AuthorizationPolicy as ztunnel targets it: by the namespace it lives in and an optional
 * {@code selector.matchLabels}. A policy in the root namespace without a selector applies to every
 * workload of the mesh; with a selector, to matching workloads of every namespace. Elsewhere it
 * applies to its own namespace (all workloads, or those matching the selector). Policies with
 * {@code targetRef}/{@code targetRefs} attach to waypoints or gateways, which ztunnel does not
 * enforce, so they apply to no workload here. The action defaults to ALLOW.
 */
record IstioPolicy(
    String id,
    String namespace,
    String action,
    Optional<Map<String, String>> selector,
    boolean attached,
    List<JsonNode> rules) {

  static IstioPolicy from(JsonNode doc, String id) {
    JsonNode spec = doc.path("spec");
    Optional<Map<String, String>> selector = Optional.empty();
    if (spec.path("selector").isObject()) {
      Map<String, String> labels = new HashMap<>();
      spec.path("selector").path("matchLabels").fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      selector = Optional.of(Map.copyOf(labels));
    }
    List<JsonNode> rules = new ArrayList<>();
    if (spec.path("rules").isArray()) {
      spec.path("rules").forEach(rules::add);
    }
    return new IstioPolicy(
        id,
        doc.path("metadata").path("namespace").asText("default"),
        action(spec.path("action").asText("")),
        selector,
        spec.has("targetRef") || spec.has("targetRefs"),
        List.copyOf(rules));
  }

  private static String action(String text) {
    String a = text.trim().toUpperCase(Locale.ROOT);
    return a.isEmpty() ? "ALLOW" : a;
  }

  boolean appliesTo(Workload w, String rootNamespace) {
    if (attached) {
      return false;
    }
    if (!namespace.equals(rootNamespace) && !namespace.equals(w.namespace())) {
      return false;
    }
    return selector.map(s -> s.entrySet().stream()
        .allMatch(e -> e.getValue().equals(w.labels().get(e.getKey())))).orElse(true);
  }

  /** Whether some rule matches; a policy without rules matches nothing. */
  boolean matches(IstioCaller caller, int port) {
    boolean failSafe = action.equals("DENY");
    return rules.stream().anyMatch(r -> IstioRule.matches(r, caller, port, failSafe));
  }
}

package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a callee's ztunnel accepts plaintext on a port, from the PeerAuthentications as istiod
 * merges them for ambient workloads (istio/istio pilot/pkg/serviceregistry/kube/controller/ambient,
 * policies.go and authorization.go; istio/istio#45453, #54073): a workload policy (a selector
 * matching the pod, in the pod's namespace, never the root namespace) decides a port it lists in
 * {@code portLevelMtls}, then its own {@code mtls.mode}; then the namespace's policy without a
 * selector; then the root namespace's; with none, PERMISSIVE (Istio's default). DISABLE counts as
 * PERMISSIVE (ambient cannot turn mTLS off, istio/istio#45593), UNSET inherits.
 *
 * <p>Of several workload policies istiod uses the oldest, which documents do not say: the simulator
 * then fails closed and accepts plaintext on a port only when every one of them would.
 */
final class PeerAuthentications {
  private record Policy(String id, String namespace, Optional<Map<String, String>> selector, Optional<String> mode,
      Map<Integer, String> portModes) {}

  /** The outcome for one port, with the documents that decided it. */
  record Mode(boolean permissive, List<String> documents, String reason) {}

  private final List<Policy> policies;
  private final String rootNamespace;

  private PeerAuthentications(List<Policy> policies, String rootNamespace) {
    this.policies = List.copyOf(policies);
    this.rootNamespace = rootNamespace;
  }

  static PeerAuthentications of(List<JsonNode> documents, String rootNamespace) {
    List<Policy> out = new ArrayList<>();
    for (JsonNode doc : documents) {
      JsonNode spec = doc.path("spec");
      Optional<Map<String, String>> selector = Optional.empty();
      if (spec.path("selector").isObject()) {
        Map<String, String> labels = new HashMap<>();
        spec.path("selector").path("matchLabels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        selector = Optional.of(Map.copyOf(labels));
      }
      Map<Integer, String> ports = new HashMap<>();
      spec.path("portLevelMtls").fields().forEachRemaining(e -> {
        try {
          mode(e.getValue().path("mode")).ifPresent(m -> ports.put(Integer.parseInt(e.getKey()), m));
        } catch (NumberFormatException ignored) {
          // not a port number: istiod rejects it; it decides nothing here
        }
      });
      out.add(new Policy(PolicySimulator.identity(doc), doc.path("metadata").path("namespace").asText("default"), selector,
          mode(spec.path("mtls").path("mode")), Map.copyOf(ports)));
    }
    return new PeerAuthentications(out, rootNamespace);
  }

  /** The mode of a {@code mode} field: PERMISSIVE or STRICT, empty when unset (inherit). */
  private static Optional<String> mode(JsonNode node) {
    String m = node.asText("").trim().toUpperCase(Locale.ROOT);
    return switch (m) {
      case "STRICT" -> Optional.of("STRICT");
      case "PERMISSIVE", "DISABLE" -> Optional.of("PERMISSIVE");
      default -> Optional.empty();
    };
  }

  /** Whether {@code to}'s ztunnel accepts plaintext on target port {@code port}. */
  Mode plaintext(Workload to, int port) {
    Optional<String> inherited = Optional.empty();
    List<String> inheritedFrom = List.of();
    for (String ns : List.of(to.namespace(), rootNamespace)) {
      Optional<Policy> wide = policies.stream()
          .filter(p -> p.namespace().equals(ns) && p.selector().isEmpty() && p.mode().isPresent()).findFirst();
      if (wide.isPresent()) {
        inherited = wide.get().mode();
        inheritedFrom = List.of(wide.get().id());
        break;
      }
    }
    String fallback = inherited.orElse("PERMISSIVE");
    List<Policy> workload = policies.stream()
        .filter(p -> p.namespace().equals(to.namespace()) && !p.namespace().equals(rootNamespace))
        .filter(p -> p.selector().map(s -> !s.isEmpty() && s.entrySet().stream()
            .allMatch(e -> e.getValue().equals(to.labels().get(e.getKey())))).orElse(false))
        .toList();
    if (workload.isEmpty()) {
      boolean permissive = fallback.equals("PERMISSIVE");
      return new Mode(permissive, inheritedFrom, inherited.isEmpty()
          ? "no PeerAuthentication applies to " + to + ": PERMISSIVE by default"
          : fallback + " mTLS for " + to + " from " + inheritedFrom.get(0));
    }
    boolean all = true;
    for (Policy p : workload) {
      String m = Optional.ofNullable(p.portModes().get(port)).or(p::mode).orElse(fallback);
      all &= m.equals("PERMISSIVE");
    }
    List<String> ids = workload.stream().map(Policy::id).toList();
    return new Mode(all, ids, (all ? "PERMISSIVE" : "STRICT") + " mTLS on port " + port + " of " + to + " from " + ids
        + (workload.size() > 1 ? " (several select it: plaintext only if all allow it)" : ""));
  }
}

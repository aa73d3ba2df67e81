package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rule set ({@code spec}, or one entry of {@code specs}) of a CiliumNetworkPolicy or
 * CiliumClusterwideNetworkPolicy.
 *
 * <p>Default deny, per direction, follows the agent: {@code enableDefaultDeny.<direction>} when
 * set, otherwise true; but only a direction that has at least one rule (allow or deny) counts, so
 * {@code ingress: []}, {@code ingress: null} or an absent list never put an endpoint into default
 * deny (the Rule reference: "If omitted or empty, this rule does not apply at ingress"). A policy
 * without {@code endpointSelector} (e.g. a host policy with {@code nodeSelector}) selects no pod.
 */
record CiliumPolicy(
    String id,
    Optional<String> namespace,
    Optional<LabelSelector> subject,
    Direction ingress,
    Direction egress) {

  /** The rules of one direction and whether they switch the endpoint to default deny. */
  record Direction(List<CiliumRule> allow, List<CiliumRule> deny, boolean defaultDeny) {
    boolean hasRules() {
      return !allow.isEmpty() || !deny.isEmpty();
    }
  }

  /** Reads every rule set of a CNP/CCNP document. */
  static List<CiliumPolicy> from(JsonNode doc, String id) {
    Optional<String> namespace = doc.path("kind").asText().equals("CiliumNetworkPolicy")
        ? Optional.of(doc.path("metadata").path("namespace").asText("default"))
        : Optional.empty();
    List<JsonNode> specs = new ArrayList<>();
    if (doc.path("spec").isObject()) {
      specs.add(doc.path("spec"));
    }
    if (doc.path("specs").isArray()) {
      doc.path("specs").forEach(specs::add);
    }
    return specs.stream().map(spec -> parse(spec, id, namespace)).toList();
  }

  private static CiliumPolicy parse(JsonNode spec, String id, Optional<String> namespace) {
    Optional<LabelSelector> subject = spec.path("endpointSelector").isObject()
        ? Optional.of(LabelSelector.parse(spec.path("endpointSelector")))
        : Optional.empty();
    JsonNode defaults = spec.path("enableDefaultDeny");
    return new CiliumPolicy(
        id,
        namespace,
        subject,
        direction(spec, "ingress", "ingressDeny", true, defaults, namespace),
        direction(spec, "egress", "egressDeny", false, defaults, namespace));
  }

  private static Direction direction(JsonNode spec, String allowField, String denyField,
      boolean isIngress, JsonNode defaults, Optional<String> namespace) {
    List<CiliumRule> allow = rules(spec.path(allowField), isIngress, namespace);
    List<CiliumRule> deny = rules(spec.path(denyField), isIngress, namespace);
    JsonNode explicit = defaults.path(isIngress ? "ingress" : "egress");
    boolean wanted = !explicit.isBoolean() || explicit.booleanValue();
    return new Direction(allow, deny, wanted && (!allow.isEmpty() || !deny.isEmpty()));
  }

  private static List<CiliumRule> rules(JsonNode list, boolean isIngress,
      Optional<String> namespace) {
    List<CiliumRule> out = new ArrayList<>();
    if (!list.isArray()) {
      return out;
    }
    for (JsonNode rule : list) {
      out.add(new CiliumRule(PeerMatch.parse(rule, isIngress, namespace), PortMatch.parse(rule)));
    }
    return out;
  }

  /** Whether this rule set applies to the pod: namespaced policies only in their namespace. */
  boolean selects(Peer pod) {
    if (pod.workload().isEmpty() || subject.isEmpty()) {
      return false;
    }
    if (namespace.isPresent() && !namespace.get().equals(pod.workload().get().namespace())) {
      return false;
    }
    return subject.get().matches(pod.labels());
  }

  Direction direction(boolean isIngress) {
    return isIngress ? ingress : egress;
  }
}

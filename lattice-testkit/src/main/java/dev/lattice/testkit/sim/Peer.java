package dev.lattice.testkit.sim;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The far side of a connection as Cilium identifies it: a pod with its identity labels, or an
 * external address with its entities.
 *
 * <p>A pod's identity labels are its own labels plus {@code io.kubernetes.pod.namespace},
 * {@code io.cilium.k8s.policy.serviceaccount}, {@code io.cilium.k8s.policy.cluster} and
 * {@code io.cilium.k8s.namespace.labels.<key>} for each namespace label. A pod is in the entities
 * {@code cluster} and {@code all}. An external address is {@code kube-apiserver}, {@code host} or
 * {@code remote-node} when listed in the options, else {@code world}; always {@code all}; it also carries
 * {@code reserved:<entity>} labels so endpoint selectors on reserved keys can match it.
 * {@code namesLearned}: whether Cilium's DNS proxy saw the caller resolve an external name, without
 * which no {@code toFQDNs} rule can select its address.
 */
record Peer(
    Optional<Workload> workload,
    Optional<External> external,
    Map<String, String> labels,
    Set<String> entities,
    boolean namesLearned) {

  static final String NAMESPACE = "io.kubernetes.pod.namespace";
  static final String NAMESPACE_LABELS = "io.cilium.k8s.namespace.labels.";
  static final String SERVICE_ACCOUNT = "io.cilium.k8s.policy.serviceaccount";
  static final String CLUSTER = "io.cilium.k8s.policy.cluster";

  static Peer of(Workload w, Map<String, String> namespaceLabels, SimulatorOptions options) {
    Map<String, String> labels = new HashMap<>();
    w.labels().forEach((k, v) -> labels.put(LabelSelector.normaliseKey(k), v));
    namespaceLabels.forEach((k, v) -> labels.put(NAMESPACE_LABELS + k, v));
    labels.put(NAMESPACE, w.namespace());
    labels.put(SERVICE_ACCOUNT, w.serviceAccount());
    labels.put(CLUSTER, options.clusterName());
    return new Peer(Optional.of(w), Optional.empty(), Map.copyOf(labels), Set.of("cluster", "all"), false);
  }

  static Peer of(External e, SimulatorOptions options) {
    return of(e, options, true);
  }

  static Peer of(External e, SimulatorOptions options, boolean namesLearned) {
    Set<String> entities = new LinkedHashSet<>();
    if (options.kubeApiserverAddresses().contains(e.address())) {
      entities.add("kube-apiserver");
    } else if (options.hostAddresses().contains(e.address())) {
      entities.add("host");
      entities.add("cluster");
    } else if (options.remoteNodeAddresses().contains(e.address())) {
      entities.add("remote-node");
      entities.add("cluster");
    } else {
      entities.add("world");
      if (e.isIp()) {
        entities.add("world-ipv4");
      }
    }
    entities.add("all");
    Map<String, String> labels = new HashMap<>();
    entities.forEach(entity -> labels.put("reserved:" + entity, ""));
    return new Peer(Optional.empty(), Optional.of(e), Map.copyOf(labels), Set.copyOf(entities), namesLearned);
  }

  /** The IPv4 address of an external peer, or -1. */
  long ipv4() {
    return external.filter(External::isIp).map(e -> Cidr.parseAddress(e.address())).orElse(-1L);
  }

  /**
   * Whether CIDR and FQDN rules may select this peer: external addresses other than the local node
   * (CIDR selectors do not match in-cluster entities by default).
   */
  boolean cidrSelectable() {
    return external.isPresent() && !entities.contains("host") && !entities.contains("remote-node");
  }

  @Override
  public String toString() {
    return workload.map(Workload::toString).orElseGet(() -> external.orElseThrow().address());
  }
}

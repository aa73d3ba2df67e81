package dev.lattice.testkit.sim;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the simulated cluster is set up. Start from {@link #defaults()} and change with {@code with*}.
 *
 * @param trustDomain the Istio trust domain of principals ({@code cluster.local})
 * @param rootNamespace the Istio root namespace whose selector-less policies are mesh-wide
 *     ({@code istio-system})
 * @param hbone whether L4 between two ambient workloads is evaluated on {@link #HBONE_PORT}
 *     (default true: in ambient the caller's ztunnel tunnels the connection to the callee pod's
 *     port 15008 from the caller pod's own network namespace, so Cilium sees the caller's identity
 *     talking to the callee on 15008, never the target port). Turn off to evaluate the target port.
 * @param namespaceLabels labels of namespaces, by namespace name; merged over the labels of any
 *     {@code Namespace} documents given to the simulator. Every namespace also carries
 *     {@code kubernetes.io/metadata.name}, as Kubernetes sets it.
 * @param clusterName the Cilium cluster name ({@code io.cilium.k8s.policy.cluster} label)
 * @param kubeApiserverAddresses external addresses that are the kube-apiserver (entity
 *     {@code kube-apiserver})
 * @param hostAddresses external addresses that are the local node (entity {@code host})
 * @param remoteNodeAddresses external addresses that are other nodes of the cluster (entity {@code
 *     remote-node}): where traffic from outside arrives when a node forwards it to a pod elsewhere
 */
public record SimulatorOptions(
    String trustDomain,
    String rootNamespace,
    boolean hbone,
    Map<String, Map<String, String>> namespaceLabels,
    String clusterName,
    Set<String> kubeApiserverAddresses,
    Set<String> hostAddresses,
    Set<String> remoteNodeAddresses) {

  /** The ambient HBONE port. */
  public static final int HBONE_PORT = 15008;

  /** Validates and copies. */
  public SimulatorOptions {
    Objects.requireNonNull(trustDomain, "trustDomain");
    Objects.requireNonNull(rootNamespace, "rootNamespace");
    Objects.requireNonNull(clusterName, "clusterName");
    namespaceLabels = namespaceLabels.entrySet().stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(
            Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    kubeApiserverAddresses = Set.copyOf(kubeApiserverAddresses);
    hostAddresses = Set.copyOf(hostAddresses);
    remoteNodeAddresses = Set.copyOf(remoteNodeAddresses);
  }

  /**
   * Trust domain {@code cluster.local}, root namespace {@code istio-system}, HBONE on, no extra
   * namespace labels, cluster {@code default}, kube-apiserver at the {@code kubernetes.default}
   * service names, no host or remote-node addresses.
   */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        "cluster.local",
        "istio-system",
        true,
        Map.of(),
        "default",
        Set.of(
            "kubernetes",
            "kubernetes.default",
            "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local"),
        Set.of(),
        Set.of());
  }

  /** A copy with another trust domain. */
  public SimulatorOptions withTrustDomain(String value) {
    return new SimulatorOptions(value, rootNamespace, hbone, namespaceLabels, clusterName,
        kubeApiserverAddresses, hostAddresses, remoteNodeAddresses);
  }

  /** A copy with another Istio root namespace. */
  public SimulatorOptions withRootNamespace(String value) {
    return new SimulatorOptions(trustDomain, value, hbone, namespaceLabels, clusterName,
        kubeApiserverAddresses, hostAddresses, remoteNodeAddresses);
  }

  /** A copy with HBONE evaluation on or off. */
  public SimulatorOptions withHbone(boolean value) {
    return new SimulatorOptions(trustDomain, rootNamespace, value, namespaceLabels, clusterName,
        kubeApiserverAddresses, hostAddresses, remoteNodeAddresses);
  }

  /** A copy with these namespace labels (replacing the previous map). */
  public SimulatorOptions withNamespaceLabels(Map<String, Map<String, String>> value) {
    return new SimulatorOptions(trustDomain, rootNamespace, hbone, value, clusterName,
        kubeApiserverAddresses, hostAddresses, remoteNodeAddresses);
  }

  /** A copy with another Cilium cluster name. */
  public SimulatorOptions withClusterName(String value) {
    return new SimulatorOptions(trustDomain, rootNamespace, hbone, namespaceLabels, value,
        kubeApiserverAddresses, hostAddresses, remoteNodeAddresses);
  }

  /** A copy with other kube-apiserver addresses. */
  public SimulatorOptions withKubeApiserverAddresses(Set<String> value) {
    return new SimulatorOptions(trustDomain, rootNamespace, hbone, namespaceLabels, clusterName,
        value, hostAddresses, remoteNodeAddresses);
  }

  /** A copy with other host addresses. */
  public SimulatorOptions withHostAddresses(Set<String> value) {
    return new SimulatorOptions(trustDomain, rootNamespace, hbone, namespaceLabels, clusterName,
        kubeApiserverAddresses, value, remoteNodeAddresses);
  }

  /** A copy with other remote-node addresses. */
  public SimulatorOptions withRemoteNodeAddresses(Set<String> value) {
    return new SimulatorOptions(trustDomain, rootNamespace, hbone, namespaceLabels, clusterName,
        kubeApiserverAddresses, hostAddresses, value);
  }
}

package dev.lattice.testkit.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pod as the policies see it.
 *
 * @param namespace the pod's namespace
 * @param name a readable name (used only in reasons)
 * @param labels the pod's labels, without any Cilium source prefix
 * @param serviceAccount the pod's ServiceAccount; it names the Istio principal
 *     {@code <trustDomain>/ns/<namespace>/sa/<serviceAccount>} and Cilium's
 *     {@code io.cilium.k8s.policy.serviceaccount} label
 * @param ambient whether the pod is enrolled in the Istio ambient mesh
 * @param ports the container ports the pod listens on (informational: policies decide, but a
 *     verdict's reason notes a port the destination does not declare)
 */
public record Workload(
    String namespace,
    String name,
    Map<String, String> labels,
    String serviceAccount,
    boolean ambient,
    List<Integer> ports) {

  /** Validates and copies. */
  public Workload {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    labels = Map.copyOf(labels);
    ports = List.copyOf(ports);
  }

  /**
   * The usual Lattice shape: labelled {@code app.kubernetes.io/name: <name>} and {@code
   * lattice.dev/service: <name>}, running as a ServiceAccount named after it.
   */
  public static Workload of(String namespace, String name, boolean ambient, int... ports) {
    return new Workload(
        namespace,
        name,
        Map.of("app.kubernetes.io/name", name, "lattice.dev/service", name),
        name,
        ambient,
        Arrays.stream(ports).boxed().toList());
  }

  /** A copy with other labels. */
  public Workload withLabels(Map<String, String> newLabels) {
    return new Workload(namespace, name, newLabels, serviceAccount, ambient, ports);
  }

  /** A copy with another ServiceAccount. */
  public Workload withServiceAccount(String newServiceAccount) {
    return new Workload(namespace, name, labels, newServiceAccount, ambient, ports);
  }

  /** A copy in or out of the ambient mesh. */
  public Workload withAmbient(boolean newAmbient) {
    return new Workload(namespace, name, labels, serviceAccount, newAmbient, ports);
  }

  /** {@code namespace/name}, for reasons. */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}

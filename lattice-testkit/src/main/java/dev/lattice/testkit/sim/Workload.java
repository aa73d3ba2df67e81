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

  /** The label Istio's gateway controller puts on every pod it deploys for a Gateway. */
  public static final String GATEWAY_MANAGED_LABEL = "gateway.istio.io/managed";

  /**
   * A pod of the Gateway {@code gateway} (class {@code istio}) as Istio's automated deployment runs
   * it: labelled {@code gateway.networking.k8s.io/gateway-name: <gateway>}, {@code
   * gateway.istio.io/managed: istio.io-gateway-controller} and {@code istio.io/dataplane-mode: none},
   * running as ServiceAccount {@code <gateway>-istio} (istio/istio
   * manifests/charts/istio-control/istio-discovery/files/kube-gateway.yaml,
   * pilot/pkg/config/kube/gatewaycommon/deploymentcontroller.go). Not captured by ztunnel.
   */
  public static Workload istioGateway(String namespace, String gateway, int... ports) {
    return new Workload(namespace, gateway, Map.of(
        "gateway.networking.k8s.io/gateway-name", gateway,
        "gateway.networking.k8s.io/gateway-class-name", "istio",
        GATEWAY_MANAGED_LABEL, "istio.io-gateway-controller",
        "istio.io/dataplane-mode", "none",
        "sidecar.istio.io/inject", "false",
        "service.istio.io/canonical-name", gateway + "-istio"),
        gateway + "-istio", false, Arrays.stream(ports).boxed().toList());
  }

  /**
   * Whether this is an Istio gateway's Envoy: it enforces AuthorizationPolicy on what it receives
   * itself, and sends HBONE with its own identity to ambient pods although ztunnel does not capture
   * it ({@code PILOT_ENABLE_SENDING_HBONE}, on with ambient: istio/istio pilot/pkg/features/ambient.go).
   */
  public boolean istioGateway() {
    return "istio.io-gateway-controller".equals(labels.get(GATEWAY_MANAGED_LABEL));
  }

  /** Whether the pod's traffic carries its own Istio identity: in the ambient mesh, or an Istio gateway. */
  boolean hasMeshIdentity() {
    return ambient || istioGateway();
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

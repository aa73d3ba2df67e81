package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.model.cluster.NodesSpec;
import dev.lattice.model.cluster.ProviderSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A bootstrap and control-plane provider: kubeadm ({@link KubeadmBootstrap}), RKE2 ({@link
 * Rke2Bootstrap}) or Talos ({@link TalosBootstrap}). It writes the control-plane spec and each pool's bootstrap config template spec;
 * node labels and taints go through node registration, and the control plane registers with the
 * parent cell ({@link ParentRegistration}).
 */
interface BootstrapProvider {
  String CONTROL_PLANE_API = "controlplane.cluster.x-k8s.io/v1beta2";
  String BOOTSTRAP_API = "bootstrap.cluster.x-k8s.io/v1beta2";

  String controlPlaneKind();

  /** The apiVersion of the control-plane kinds (Talos serves another version than CAPI's). */
  default String controlPlaneApi() {
    return CONTROL_PLANE_API;
  }

  /** The apiVersion of the bootstrap config template. */
  default String bootstrapApi() {
    return BOOTSTRAP_API;
  }

  String configTemplateKind();

  /** The control-plane template kind of the topology form. */
  default String controlPlaneTemplateKind() {
    return controlPlaneKind() + "Template";
  }

  /**
   * Where the control-plane spec leaves kube-proxy out when Cilium replaces it, as a JSON pointer into
   * {@code spec} and the value found there; the topology form turns it into a ClusterClass patch.
   */
  SpecPatch kubeProxyPatch(ClusterPlan plan);

  /**
   * The topology form's control-plane template after the {@link #kubeProxyPatch} path was removed from it:
   * puts back what the base needs without kube-proxy replacement (nothing, unless a provider overrides it).
   */
  default void afterKubeProxyRemoved(ClusterPlan plan, ObjectNode templateSpec) {}

  /** The version machines run, in the provider's spelling. */
  String version(ClusterPlan plan);

  /** Reports what this provider cannot express. */
  void check(ClusterPlan plan, Findings findings);

  /** {@code spec} of the control-plane object. */
  ObjectNode controlPlaneSpec(ClusterPlan plan, Infrastructure infra, Ref machineTemplate);

  /** {@code spec.template.spec} of a worker pool's bootstrap config template. */
  ObjectNode workerConfigSpec(ClusterPlan plan, Infrastructure infra, String pool);

  static BootstrapProvider of(ProviderSpec.Bootstrap bootstrap) {
    return switch (bootstrap) {
      case KUBEADM -> new KubeadmBootstrap();
      case RKE2 -> new Rke2Bootstrap();
      case TALOS -> new TalosBootstrap();
    };
  }

  /** A value at a JSON pointer relative to a control-plane {@code spec}. */
  record SpecPatch(String path, com.fasterxml.jackson.databind.JsonNode value) {}

  /** Kubelet flags of a pool: the provider's, plus {@code node-labels} when the pool has labels; sorted. */
  static Map<String, String> kubeletArgs(Infrastructure infra, ProviderSpec.Bootstrap bootstrap, Map<String, String> labels) {
    Map<String, String> args = new TreeMap<>(infra.kubeletArgs(bootstrap));
    if (!labels.isEmpty()) {
      args.put("node-labels", nodeLabels(labels).stream().collect(Collectors.joining(",")));
    }
    return args;
  }

  /** {@code key=value}, sorted by key. */
  static List<String> nodeLabels(Map<String, String> labels) {
    return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  /** {@code key=value:Effect} or {@code key:Effect}, as kubelet writes taints. */
  static String taint(NodesSpec.Taint t) {
    return t.key() + t.value().map(v -> "=" + v).orElse("") + ":" + t.effect().wire();
  }
}

package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.model.cluster.ProviderSpec;
import dev.lattice.model.cluster.ProviderType;
import java.util.List;
import java.util.Map;

/**
 * An infrastructure provider: the kinds it owns, the spec of its cluster object and of a machine
 * template per {@link MachineRole}, and what its nodes need from the bootstrap config. Implementations
 * report settings the upstream schema would reject through {@link #check}; they never see secrets,
 * only the names of the credentials the {@code CloudProvider} points at.
 */
interface Infrastructure {
  String API_GROUP = "infrastructure.cluster.x-k8s.io";

  String apiVersion();

  String clusterKind();

  String machineTemplateKind();

  /** The cluster template kind of the topology form ({@code DockerClusterTemplate}, ...). */
  default String clusterTemplateKind() {
    return clusterKind() + "Template";
  }

  /** Reports settings the emitted documents could not express or the schema would reject. */
  void check(ClusterPlan plan, Findings findings);

  /** {@code spec} of the cluster object. */
  ObjectNode clusterSpec(ClusterPlan plan);

  /** {@code spec.template.spec} of the machine template of one role. */
  ObjectNode machineSpec(ClusterPlan plan, MachineRole role);

  /** Extra kubelet flags every node needs on this provider (sorted by the caller). */
  default Map<String, String> kubeletArgs(ProviderSpec.Bootstrap bootstrap) {
    return Map.of();
  }

  /** The node name as a cloud-init template (kubeadm {@code nodeRegistration.name}, RKE2 {@code nodeName}), when the provider needs one. */
  default java.util.Optional<String> nodeNameTemplate() {
    return java.util.Optional.empty();
  }

  /** Files only control-plane nodes get (e.g. a kube-vip static pod), as bootstrap {@code files} entries. */
  default List<ObjectNode> controlPlaneFiles(ClusterPlan plan) {
    return List.of();
  }

  /** Commands control-plane nodes run before bootstrapping (e.g. kube-vip's kubeconfig switch on the first node). */
  default List<String> controlPlanePreCommands(ClusterPlan plan) {
    return List.of();
  }

  /** The implementation for a provider type; {@code BASIS} has none. */
  static java.util.Optional<Infrastructure> of(ProviderType type) {
    return switch (type) {
      case DOCKER -> java.util.Optional.of(new DockerInfrastructure());
      case AWS -> java.util.Optional.of(new AwsInfrastructure());
      case PROXMOX -> java.util.Optional.of(new ProxmoxInfrastructure());
      case OPENSTACK -> java.util.Optional.of(new OpenStackInfrastructure());
      case BASIS -> java.util.Optional.empty();
    };
  }
}

package dev.lattice.emit.capi;

import dev.lattice.emit.capi.addons.CiliumOptions;
import dev.lattice.model.CloudProvider;
import dev.lattice.model.LatticeCluster;
import dev.lattice.model.cluster.CloudProviderSpec;
import dev.lattice.model.cluster.LatticeClusterSpec;
import dev.lattice.model.cluster.ProviderSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cluster resolved for emission: its name, the {@code capi-<cluster>} namespace, its spec and
 * the {@code CloudProvider} it names (absent when the input does not hold it).
 */
record ClusterPlan(LatticeCluster cluster, Optional<CloudProvider> cloud) {
  static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";
  static final String ENVIRONMENT_LABEL = "lattice.dev/environment";
  static final String REGION_LABEL = "lattice.dev/region";
  static final List<String> DEFAULT_POD_CIDRS = List.of("10.244.0.0/16");
  static final List<String> DEFAULT_SERVICE_CIDRS = List.of("10.96.0.0/12");

  String name() {
    return cluster.metadata().name();
  }

  String namespace() {
    return Names.namespace(name());
  }

  LatticeClusterSpec spec() {
    return cluster.spec();
  }

  ProviderSpec.Bootstrap bootstrap() {
    return spec().provider().kubernetes().bootstrap();
  }

  /** The labels of every CAPI document of the cluster. */
  Map<String, String> labels() {
    Map<String, String> labels = new java.util.TreeMap<>();
    labels.put(CLUSTER_NAME_LABEL, name());
    spec().environment().ifPresent(e -> labels.put(ENVIRONMENT_LABEL, e));
    spec().region().ifPresent(r -> labels.put(REGION_LABEL, r));
    return labels;
  }

  /** The Kubernetes version with a leading {@code v}, as CAPI writes it. */
  String kubernetesVersion() {
    String v = spec().provider().kubernetes().version();
    return v.startsWith("v") ? v : "v" + v;
  }

  /** The credentials Secret the CloudProvider names, if any. */
  Optional<CloudProviderSpec.SecretRef> credentials() {
    return cloud.flatMap(c -> c.spec().credentialsSecretRef());
  }

  /** The Secret holding the one-time bootstrap token, the parent's bootstrap endpoint and its CA. */
  String bootstrapSecret() {
    return CapiNames.bootstrapSecret(name());
  }

  /** SSH keys for a login user on the nodes (Proxmox {@code sshAuthorizedKeys}). */
  List<String> sshAuthorizedKeys() {
    return spec().provider().config().proxmox().map(p -> p.sshAuthorizedKeys()).orElse(List.of());
  }

  /** The Cilium toggles; with kube-proxy replacement the bootstrap provider leaves kube-proxy out. */
  CiliumOptions cilium() {
    return CiliumOptions.of(spec());
  }

  List<String> podCidrs() {
    return spec().networking().map(n -> n.podCidrs()).filter(l -> !l.isEmpty()).orElse(DEFAULT_POD_CIDRS);
  }

  List<String> serviceCidrs() {
    return spec().networking().map(n -> n.serviceCidrs()).filter(l -> !l.isEmpty()).orElse(DEFAULT_SERVICE_CIDRS);
  }
}

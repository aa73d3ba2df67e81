package dev.lattice.runtime.install;

import java.util.List;
import java.util.Optional;

/**
 * A kind of document the compiler emits and the controller applies and prunes: the catalogue the
 * ClusterRole is generated from and the applier addresses resources by (no discovery calls).
 */
public record ManagedKind(String apiVersion, String kind, String plural, boolean namespaced) {

  /** Every kind the bundled emitters produce. A test compiles the examples and checks it is complete. */
  public static final List<ManagedKind> ALL = List.of(
      new ManagedKind("v1", "Namespace", "namespaces", false),
      new ManagedKind("v1", "ServiceAccount", "serviceaccounts", true),
      new ManagedKind("v1", "Service", "services", true),
      new ManagedKind("v1", "ConfigMap", "configmaps", true),
      new ManagedKind("v1", "PersistentVolumeClaim", "persistentvolumeclaims", true),
      new ManagedKind("apps/v1", "Deployment", "deployments", true),
      new ManagedKind("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
      new ManagedKind("keda.sh/v1alpha1", "ScaledObject", "scaledobjects", true),
      new ManagedKind("flagger.app/v1beta1", "Canary", "canaries", true),
      new ManagedKind("operator.victoriametrics.com/v1beta1", "VMServiceScrape", "vmservicescrapes", true),
      new ManagedKind("external-secrets.io/v1", "ExternalSecret", "externalsecrets", true),
      new ManagedKind("batch.volcano.sh/v1alpha1", "Job", "jobs", true),
      new ManagedKind("batch.volcano.sh/v1alpha1", "CronJob", "cronjobs", true),
      new ManagedKind("scheduling.volcano.sh/v1beta1", "PodGroup", "podgroups", true),
      new ManagedKind("cilium.io/v2", "CiliumNetworkPolicy", "ciliumnetworkpolicies", true),
      new ManagedKind("cilium.io/v2", "CiliumClusterwideNetworkPolicy", "ciliumclusterwidenetworkpolicies", false),
      new ManagedKind("cilium.io/v1alpha1", "TracingPolicyNamespaced", "tracingpoliciesnamespaced", true),
      new ManagedKind("security.istio.io/v1", "AuthorizationPolicy", "authorizationpolicies", true),
      new ManagedKind("security.istio.io/v1", "PeerAuthentication", "peerauthentications", true),
      new ManagedKind("networking.istio.io/v1", "ServiceEntry", "serviceentries", true),
      // Cluster API (lattice-emit-capi, both --capi-style forms) and the add-ons' ClusterResourceSet
      new ManagedKind("addons.cluster.x-k8s.io/v1beta2", "ClusterResourceSet", "clusterresourcesets", true),
      new ManagedKind("bootstrap.cluster.x-k8s.io/v1beta1", "TalosConfigTemplate", "talosconfigtemplates", true),
      new ManagedKind("bootstrap.cluster.x-k8s.io/v1beta2", "KubeadmConfigTemplate", "kubeadmconfigtemplates", true),
      new ManagedKind("bootstrap.cluster.x-k8s.io/v1beta2", "RKE2ConfigTemplate", "rke2configtemplates", true),
      new ManagedKind("cluster.x-k8s.io/v1beta2", "Cluster", "clusters", true),
      new ManagedKind("cluster.x-k8s.io/v1beta2", "ClusterClass", "clusterclasses", true),
      new ManagedKind("cluster.x-k8s.io/v1beta2", "MachineDeployment", "machinedeployments", true),
      new ManagedKind("cluster.x-k8s.io/v1beta2", "MachineHealthCheck", "machinehealthchecks", true),
      new ManagedKind("controlplane.cluster.x-k8s.io/v1alpha3", "TalosControlPlane", "taloscontrolplanes", true),
      new ManagedKind("controlplane.cluster.x-k8s.io/v1beta2", "KubeadmControlPlane", "kubeadmcontrolplanes", true),
      new ManagedKind("controlplane.cluster.x-k8s.io/v1beta2", "KubeadmControlPlaneTemplate", "kubeadmcontrolplanetemplates", true),
      new ManagedKind("controlplane.cluster.x-k8s.io/v1beta2", "RKE2ControlPlane", "rke2controlplanes", true),
      new ManagedKind("controlplane.cluster.x-k8s.io/v1beta2", "RKE2ControlPlaneTemplate", "rke2controlplanetemplates", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1beta2", "DockerCluster", "dockerclusters", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1beta2", "DockerClusterTemplate", "dockerclustertemplates", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1beta2", "DockerMachineTemplate", "dockermachinetemplates", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1beta2", "AWSCluster", "awsclusters", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1beta2", "AWSClusterTemplate", "awsclustertemplates", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1beta2", "AWSMachineTemplate", "awsmachinetemplates", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1alpha2", "ProxmoxCluster", "proxmoxclusters", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1alpha2", "ProxmoxClusterTemplate", "proxmoxclustertemplates", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1alpha2", "ProxmoxMachineTemplate", "proxmoxmachinetemplates", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1beta2", "OpenStackCluster", "openstackclusters", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1beta2", "OpenStackClusterTemplate", "openstackclustertemplates", true),
      new ManagedKind("infrastructure.cluster.x-k8s.io/v1beta2", "OpenStackMachineTemplate", "openstackmachinetemplates", true));

  /** The Cluster API {@code Cluster} (what the cell reads the provisioning phase of). */
  public static final ManagedKind CAPI_CLUSTER = of("cluster.x-k8s.io/v1beta2", "Cluster").orElseThrow();

  /** The API group; empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  /** The catalogue entry of a document's apiVersion and kind. */
  public static Optional<ManagedKind> of(String apiVersion, String kind) {
    return ALL.stream().filter(k -> k.apiVersion.equals(apiVersion) && k.kind.equals(kind)).findFirst();
  }
}

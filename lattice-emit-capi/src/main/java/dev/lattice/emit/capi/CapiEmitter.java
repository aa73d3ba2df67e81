package dev.lattice.emit.capi;

import dev.lattice.compiler.spi.CompilerOptions;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.compiler.spi.EmittedKind;
import dev.lattice.compiler.spi.Emitter;
import dev.lattice.emit.capi.addons.Addons;
import dev.lattice.model.CloudProvider;
import dev.lattice.model.LatticeCluster;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.cluster.ProviderSpec;
import dev.lattice.model.cluster.ProviderType;
import dev.lattice.model.diagnostics.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cluster API documents for every {@code LatticeCluster} and the {@code CloudProvider} it names:
 * the infrastructure cluster and machine templates of its provider (Docker, AWS, Proxmox,
 * OpenStack), a kubeadm or RKE2 control plane and bootstrap config templates, the {@code Cluster},
 * {@code MachineDeployment}s and {@code MachineHealthCheck}s, and the add-ons' {@code
 * ClusterResourceSet} with its ConfigMaps ({@link Addons}) — all in {@code capi-<cluster>}, with a
 * Namespace when namespaces are emitted — plus, for a cell ({@code parentConfig}), the {@code
 * lattice-cell} Service and ConfigMap (and, with {@code gitops}, its Flux source). Diagnostics, all from {@link #check}: {@code LAT4007} (warning) for a {@code basis}
 * cluster (nothing emitted) and settings not compiled yet; {@code LAT1012}/{@code LAT1013} for
 * settings the provider's schema needs or rejects; {@code LAT4006} for a version RKE2 has no release
 * for; {@code LAT2001} when two clusters of one input are cells (both would own {@code
 * lattice-system/lattice-cell}).
 */
public final class CapiEmitter implements Emitter {

  private static final List<EmittedKind> KINDS = List.of(
      EmittedKind.clusterScoped("v1", "Namespace", "namespaces"),
      EmittedKind.namespaced("v1", "ConfigMap", "configmaps"),
      EmittedKind.namespaced("v1", "Service", "services"),
      // a cell with a GitOps repository: Flux's source and Kustomization of its base path
      EmittedKind.namespaced("source.toolkit.fluxcd.io/v1", "GitRepository", "gitrepositories"),
      EmittedKind.namespaced("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "kustomizations"),
      EmittedKind.namespaced("addons.cluster.x-k8s.io/v1beta2", "ClusterResourceSet", "clusterresourcesets"),
      EmittedKind.namespaced("bootstrap.cluster.x-k8s.io/v1beta1", "TalosConfigTemplate", "talosconfigtemplates"),
      EmittedKind.namespaced("bootstrap.cluster.x-k8s.io/v1beta2", "KubeadmConfigTemplate", "kubeadmconfigtemplates"),
      EmittedKind.namespaced("bootstrap.cluster.x-k8s.io/v1beta2", "RKE2ConfigTemplate", "rke2configtemplates"),
      EmittedKind.namespaced("cluster.x-k8s.io/v1beta2", "Cluster", "clusters"),
      EmittedKind.namespaced("cluster.x-k8s.io/v1beta2", "ClusterClass", "clusterclasses"),
      EmittedKind.namespaced("cluster.x-k8s.io/v1beta2", "MachineDeployment", "machinedeployments"),
      EmittedKind.namespaced("cluster.x-k8s.io/v1beta2", "MachineHealthCheck", "machinehealthchecks"),
      EmittedKind.namespaced("controlplane.cluster.x-k8s.io/v1alpha3", "TalosControlPlane", "taloscontrolplanes"),
      EmittedKind.namespaced("controlplane.cluster.x-k8s.io/v1beta2", "KubeadmControlPlane", "kubeadmcontrolplanes"),
      EmittedKind.namespaced("controlplane.cluster.x-k8s.io/v1beta2", "KubeadmControlPlaneTemplate", "kubeadmcontrolplanetemplates"),
      EmittedKind.namespaced("controlplane.cluster.x-k8s.io/v1beta2", "RKE2ControlPlane", "rke2controlplanes"),
      EmittedKind.namespaced("controlplane.cluster.x-k8s.io/v1beta2", "RKE2ControlPlaneTemplate", "rke2controlplanetemplates"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1beta2", "DockerCluster", "dockerclusters"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1beta2", "DockerClusterTemplate", "dockerclustertemplates"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1beta2", "DockerMachineTemplate", "dockermachinetemplates"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1beta2", "AWSCluster", "awsclusters"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1beta2", "AWSClusterTemplate", "awsclustertemplates"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1beta2", "AWSMachineTemplate", "awsmachinetemplates"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1alpha2", "ProxmoxCluster", "proxmoxclusters"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1alpha2", "ProxmoxClusterTemplate", "proxmoxclustertemplates"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1alpha2", "ProxmoxMachineTemplate", "proxmoxmachinetemplates"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1beta2", "OpenStackCluster", "openstackclusters"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1beta2", "OpenStackClusterTemplate", "openstackclustertemplates"),
      EmittedKind.namespaced("infrastructure.cluster.x-k8s.io/v1beta2", "OpenStackMachineTemplate", "openstackmachinetemplates"));

  @Override
  public List<EmittedKind> kinds() {
    return KINDS;
  }

  @Override
  public String name() {
    return "capi";
  }

  /**
   * Every cluster's provider and bootstrap rules, the add-on settings not compiled yet, and at most one
   * cell per input; {@link #emit} skips a cluster these reject.
   */
  @Override
  public void check(FleetPlan plan, EmitContext context) {
    Optional<String> cell = Optional.empty();
    for (SourcedObject s : plan.clusters()) {
      LatticeCluster cluster = (LatticeCluster) s.object();
      Findings findings = new Findings(context, s.sources());
      check(plan, cluster, findings);
      cluster.spec().networking().filter(n -> !n.loadBalancerPools().isEmpty()).ifPresent(n -> findings.warning(
          Codes.UNSUPPORTED_CLUSTER_SETTING, "spec.networking.loadBalancerPools", "LoadBalancer address pools "
              + new java.util.TreeSet<>(n.loadBalancerPools().keySet()) + " of cluster " + cluster.metadata().name()
              + " are not compiled yet: Cilium's CiliumLoadBalancerIPPool (cilium.io/v2alpha1) is not among the served schemas",
          "create the pool in the cluster yourself; LoadBalancer Services stay pending until an address pool exists"));
      cluster.spec().parentConfig().flatMap(pc -> pc.gitops()).filter(g -> CellDocuments.isScpLike(g.url())).ifPresent(g ->
          findings.warning(Codes.INVALID_VALUE, "spec.parentConfig.gitops.url", "Flux takes http(s):// or ssh:// URLs; "
              + g.url() + " is read as " + CellDocuments.fluxUrl(g.url()), "write url: " + CellDocuments.fluxUrl(g.url())));
      if (cluster.spec().parentConfig().isPresent() && cell.isPresent()) {
        findings.error(Codes.DUPLICATE_OBJECT, "spec.parentConfig", "clusters " + cell.get() + " and " + cluster.metadata().name()
            + " are both cells; each would emit Service and ConfigMap lattice-system/" + CellDocuments.NAME,
            "compile each cell on its own: these documents are applied inside the cell");
      }
      if (cluster.spec().parentConfig().isPresent() && cell.isEmpty()) {
        cell = Optional.of(cluster.metadata().name());
      }
    }
  }

  /** The rules of one cluster; returns its plan when it can be emitted. */
  private static Optional<Emittable> check(FleetPlan plan, LatticeCluster cluster, Findings findings) {
    List<ProviderType> present = cluster.spec().provider().config().present();
    if (present.size() != 1) {
      return Optional.empty(); // the validator has reported it
    }
    ProviderType type = present.get(0);
    Optional<Infrastructure> infra = Infrastructure.of(type);
    if (infra.isEmpty()) {
      findings.warning(Codes.UNSUPPORTED_CLUSTER_SETTING, "spec.provider.config." + type.wire(),
          "cluster " + cluster.metadata().name() + " uses the " + type.wire() + " provider, which this version does not compile",
          "use docker, aws, proxmox or openstack");
      return Optional.empty();
    }
    Optional<CloudProvider> cloud = cluster.spec().providerRef().map(plan.providers()::get);
    ClusterPlan cp = new ClusterPlan(cluster, cloud);
    BootstrapProvider bootstrap = BootstrapProvider.of(cp.bootstrap());
    infra.get().check(cp, findings);
    bootstrap.check(cp, findings);
    return findings.hasErrors() ? Optional.empty() : Optional.of(new Emittable(cp, infra.get(), bootstrap));
  }

  private record Emittable(ClusterPlan plan, Infrastructure infra, BootstrapProvider bootstrap) {}

  @Override
  public List<Document> emit(FleetPlan plan, EmitContext context) {
    List<Document> out = new ArrayList<>();
    boolean cellSeen = false;
    for (SourcedObject s : plan.clusters()) {
      LatticeCluster cluster = (LatticeCluster) s.object();
      Findings findings = new Findings(context, s.sources());
      Optional<Emittable> ok = check(plan, cluster, findings.silent());
      boolean isCell = cluster.spec().parentConfig().isPresent();
      if (ok.isEmpty() || (isCell && cellSeen)) {
        continue; // check() has reported why
      }
      cellSeen |= isCell;
      ClusterPlan cp = ok.get().plan();
      if (context.options().emitNamespaces() && !plan.namespaces().contains(cp.namespace())) {
        out.add(Json.document("v1", "Namespace", Optional.empty(), cp.namespace(), Map.of(), body -> { }));
      }
      boolean topology = context.options().capiStyle() == CompilerOptions.CapiStyle.TOPOLOGY;
      if (topology && cp.bootstrap() == ProviderSpec.Bootstrap.TALOS) {
        findings.warning(Codes.UNSUPPORTED_CLUSTER_SETTING, "spec.provider.kubernetes.bootstrap", "cluster " + cp.name()
            + " bootstraps with talos, which has no control-plane template kind: its objects are written in full",
            "use kubeadm or rke2 for the topology form");
        topology = false;
      }
      out.addAll(topology
          ? new TopologyEmission(cp, ok.get().infra(), ok.get().bootstrap()).documents()
          : new ClusterEmission(cp, ok.get().infra(), ok.get().bootstrap()).documents());
      out.addAll(Addons.delivery(cp.name(), cp.namespace(), cp.labels(), cluster.spec(), Names::shorten));
      cluster.spec().parentConfig().ifPresent(pc -> out.addAll(CellDocuments.of(cp, pc)));
    }
    return out;
  }
}

package dev.lattice.emit.capi.addons;

import dev.lattice.compiler.platform.PlatformNamespaces;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.ProviderSpec;
import dev.lattice.model.cluster.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The releases of a cluster in install order, with their values and {@code dependsOn}: Cilium first
 * (the CNI; nothing else schedules without it), then Istio ambient (base → istiod and CNI →
 * ztunnel), the GPU stack (NFD → NVIDIA device plugin, HAMi), monitoring (VictoriaMetrics → KEDA)
 * and Velero. Every release depends on Cilium at least, except the provider's cloud controller
 * ({@link CloudControllers}), which must initialise the nodes before anything else schedules.
 */
final class ReleasePlanner {
  static final String CILIUM = "cilium";
  /** Nodes labelled {@code gpu=on} share their GPUs through HAMi; the NVIDIA device plugin skips them. */
  static final String HAMI_NODE_LABEL = dev.lattice.compiler.platform.GpuSharing.HAMI_NODE_LABEL;
  static final String VELERO_VALUES = "lattice-velero-values";

  private final VersionMatrix versions = VersionMatrix.get();
  private final AddonSelection selection;
  private final CiliumOptions cilium;
  private final ProviderSpec.Bootstrap bootstrap;
  private final String kubernetesVersion;
  private final Optional<ProviderType> provider;
  private final List<Release> out = new ArrayList<>();

  ReleasePlanner(AddonSelection selection, CiliumOptions cilium, ProviderSpec.Bootstrap bootstrap, String kubernetesVersion,
      Optional<ProviderType> provider) {
    this.provider = provider;
    this.selection = selection;
    this.cilium = cilium;
    this.bootstrap = bootstrap;
    this.kubernetesVersion = kubernetesVersion;
  }

  List<Release> plan() {
    add(CILIUM, "networking", CiliumValues.of(cilium, bootstrap, selection.services()));
    provider.ifPresent(p -> out.addAll(CloudControllers.releases(p, bootstrap, versions)));
    if (selection.services()) {
      add("istio-base", "mesh", Json.object(), CILIUM);
      add("istiod", "mesh", ambient(), "istio-base");
      add("istio-cni", "mesh", ambient(), "istio-base");
      add("ztunnel", "mesh", Json.object(), "istiod", "istio-cni");
      // what compiled services need besides the mesh: ExternalSecret, Canary, TracingPolicyNamespaced
      add("external-secrets", "mesh", Json.object(), CILIUM);
      add("flagger", "mesh", flagger(), CILIUM);
      add("tetragon", "mesh", Json.object(), CILIUM);
      // the ingress Gateway's TLS: Certificates (cert-manager.io/v1), the chart installing its CRDs
      // (cert-manager Helm docs: crds.enabled)
      ObjectNode certManager = Json.object();
      certManager.putObject("crds").put("enabled", true);
      add("cert-manager", "mesh", certManager, CILIUM);
      // the scheduler of LatticeJob's Volcano Jobs and of topology-aware pods (schedulerName: volcano);
      // its admission webhook lives in volcano-system, which the default deny exempts
      add("volcano", "mesh", Json.object(), CILIUM);
    }
    if (selection.gpu()) {
      add("node-feature-discovery", "gpu", nfd(), CILIUM);
      add("nvidia-device-plugin", "gpu", devicePlugin(), "node-feature-discovery");
      add("hami", "gpu", hami(), "node-feature-discovery");
    }
    if (selection.monitoring()) {
      add("victoria-metrics", "monitoring", victoriaMetrics(), CILIUM);
      add("keda", "monitoring", Json.object(), "victoria-metrics");
      add("metrics-server", "monitoring", metricsServer(), CILIUM);
    }
    if (selection.backups()) {
      ObjectNode v = Json.object();
      v.putObject("configuration").putArray("backupStorageLocation");
      ((ObjectNode) v.get("configuration")).putArray("volumeSnapshotLocation");
      v.put("deployNodeAgent", true);
      v.put("snapshotsEnabled", false);
      out.add(new Release(versions.chart("velero"), "backups", PlatformNamespaces.ofAddon("velero"), v, List.of(CILIUM), Optional.of(VELERO_VALUES)));
    }
    return List.copyOf(out);
  }

  /** A release of add-on {@code id} into its namespace from {@link PlatformNamespaces}, the default deny's exempt list. */
  private void add(String id, String group, ObjectNode values, String... dependsOn) {
    out.add(new Release(versions.chart(id), group, PlatformNamespaces.ofAddon(id), values, List.of(dependsOn), Optional.empty()));
  }

  private static ObjectNode ambient() {
    ObjectNode v = Json.object();
    v.put("profile", "ambient");
    return v;
  }

  /**
   * Flagger with the {@code kubernetes} provider (canaries compile to it; see the kubernetes
   * emitter) and the monitoring add-on's VMSingle as its metrics server.
   */
  private static ObjectNode flagger() {
    ObjectNode v = Json.object();
    v.put("meshProvider", "kubernetes");
    v.put("metricsServer", "http://vmsingle-lattice.monitoring.svc:8429");
    return v;
  }

  /** NFD workers must also label tainted GPU nodes. */
  private static ObjectNode nfd() {
    ObjectNode v = Json.object();
    v.putObject("worker").putArray("tolerations").addObject()
        .put("effect", "NoSchedule").put("key", "nvidia.com/gpu").put("operator", "Exists");
    return v;
  }

  /** On NFD-detected NVIDIA nodes (PCI vendor 10de) that are not HAMi nodes; GPU feature discovery on. */
  private static ObjectNode devicePlugin() {
    ObjectNode v = Json.object();
    ArrayNode match = v.putObject("affinity").putObject("nodeAffinity").putObject("requiredDuringSchedulingIgnoredDuringExecution")
        .putArray("nodeSelectorTerms").addObject().putArray("matchExpressions");
    match.addObject().put("key", "feature.node.kubernetes.io/pci-10de.present").put("operator", "In")
        .set("values", Json.strings(List.of("true")));
    match.addObject().put("key", HAMI_NODE_LABEL).put("operator", "NotIn").set("values", Json.strings(List.of(dev.lattice.compiler.platform.GpuSharing.HAMI_NODE_VALUE)));
    v.putObject("gfd").put("enabled", true);
    v.putObject("nfd").put("enabled", false);
    return v;
  }

  /** HAMi's scheduler extender runs a kube-scheduler of the cluster's own version. */
  private ObjectNode hami() {
    ObjectNode v = Json.object();
    v.putObject("scheduler").putObject("kubeScheduler").put("imageTag", kubernetesVersion);
    return v;
  }

  /**
   * metrics-server, which KEDA's cpu and memory triggers need (they are HPA resource metrics;
   * https://keda.sh/docs/2.17/scalers/cpu/). Kubelets of kubeadm, RKE2 and Talos nodes serve
   * self-signed certificates unless serving-certificate bootstrap is on, so it skips their
   * verification (kubernetes-sigs/metrics-server README, "--kubelet-insecure-tls").
   */
  private static ObjectNode metricsServer() {
    ObjectNode v = Json.object();
    v.set("args", Json.strings(List.of("--kubelet-insecure-tls")));
    return v;
  }

  /** VMSingle, or with {@code ha} a replicated VMCluster and two Alertmanagers. */
  private ObjectNode victoriaMetrics() {
    ObjectNode v = Json.object();
    v.put("fullnameOverride", "lattice"); // VMSingle lattice → Service vmsingle-lattice, which KEDA triggers query
    boolean ha = selection.monitoringHa();
    if (ha) {
      v.putObject("alertmanager").putObject("spec").put("replicaCount", 2);
    }
    ObjectNode cluster = v.putObject("vmcluster");
    cluster.put("enabled", ha);
    if (ha) {
      ObjectNode spec = cluster.putObject("spec");
      spec.put("replicationFactor", 2);
      spec.putObject("vminsert").put("replicaCount", 2);
      spec.putObject("vmselect").put("replicaCount", 2);
      spec.putObject("vmstorage").put("replicaCount", 3);
    }
    v.putObject("vmsingle").put("enabled", !ha);
    return v;
  }
}

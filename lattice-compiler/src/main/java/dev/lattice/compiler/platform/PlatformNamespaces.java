package dev.lattice.compiler.platform;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The namespaces of the platform, in one place: the Kubernetes and Lattice system namespaces, the
 * Cluster API controllers Lattice installs (core, the kubeadm/RKE2/Talos bootstrap and control-plane
 * providers, the Docker/AWS/Proxmox/OpenStack infrastructure providers, under their clusterctl
 * default namespaces), and the namespace of every add-on by its id in {@code versions.yaml}.
 *
 * <p>The cluster emitter takes an add-on's target namespace from {@link #ofAddon} (an unknown id is
 * a build defect and throws), and the clusterwide default deny excludes {@link #exempt()}: so an
 * add-on cannot be installed into a namespace the default deny would strand (its webhooks and
 * aggregated APIs unreachable from the API server, its scrapes and namespace finalizers blocked).
 */
public final class PlatformNamespaces {
  private static final SortedSet<String> SYSTEM = sorted(
      "cert-manager", "cilium-system", "flux-system", "istio-system", "kube-node-lease", "kube-public", "kube-system",
      "lattice-system");

  /**
   * clusterctl's default namespaces of the providers Lattice installs: core and kubeadm (cluster-api
   * config/default), RKE2 (rancher/cluster-api-provider-rke2: rke2-bootstrap-system,
   * rke2-control-plane-system), Talos (siderolabs: cabpt-system, cacppt-system), and the
   * infrastructure providers capd, capa, capmox (ionos-cloud), capo.
   */
  private static final SortedSet<String> PROVIDERS = sorted(
      "cabpt-system", "cacppt-system", "capa-system", "capd-system", "capi-kubeadm-bootstrap-system",
      "capi-kubeadm-control-plane-system", "capi-system", "capmox-system", "capo-system", "rke2-bootstrap-system",
      "rke2-control-plane-system");

  /** Add-on id (a key of {@code versions.yaml}) → the namespace its Helm release installs into. */
  private static final Map<String, String> ADDONS = Collections.unmodifiableMap(new TreeMap<>(Map.ofEntries(
      Map.entry("cilium", "kube-system"),
      Map.entry("cert-manager", "cert-manager"),
      Map.entry("volcano", "volcano-system"),
      Map.entry("aws-cloud-controller-manager", "kube-system"),
      Map.entry("aws-ebs-csi-driver", "kube-system"),
      Map.entry("openstack-cloud-controller-manager", "kube-system"),
      Map.entry("openstack-cinder-csi", "kube-system"),
      Map.entry("talos-cloud-controller-manager", "kube-system"),
      Map.entry("istio-base", "istio-system"),
      Map.entry("istiod", "istio-system"),
      Map.entry("istio-cni", "istio-system"),
      Map.entry("ztunnel", "istio-system"),
      Map.entry("node-feature-discovery", "node-feature-discovery"),
      Map.entry("nvidia-device-plugin", "nvidia-device-plugin"),
      Map.entry("hami", "hami-system"),
      Map.entry("victoria-metrics", "monitoring"),
      Map.entry("keda", "keda"),
      Map.entry("metrics-server", "kube-system"),
      Map.entry("velero", "velero"),
      Map.entry("external-secrets", "external-secrets"),
      Map.entry("flagger", "flagger-system"),
      Map.entry("tetragon", "kube-system"))));

  private PlatformNamespaces() {}

  /** The namespace add-on {@code id} installs into; throws for an id that is not listed. */
  public static String ofAddon(String id) {
    String ns = ADDONS.get(id);
    if (ns == null) {
      throw new IllegalStateException("add-on " + id + " has no namespace in " + PlatformNamespaces.class.getName());
    }
    return ns;
  }

  /** Every add-on id listed, sorted. */
  public static SortedSet<String> addons() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(ADDONS.keySet()));
  }

  /** The namespace of an add-on id, if listed. */
  public static Optional<String> find(String id) {
    return Optional.ofNullable(ADDONS.get(id));
  }

  /** Every namespace the default deny leaves alone: system, providers and add-ons, sorted. */
  public static SortedSet<String> exempt() {
    TreeSet<String> all = new TreeSet<>(SYSTEM);
    all.addAll(PROVIDERS);
    all.addAll(ADDONS.values());
    return Collections.unmodifiableSortedSet(all);
  }

  private static SortedSet<String> sorted(String... names) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(java.util.List.of(names)));
  }
}

package dev.lattice.emit.capi.addons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.LatticeClusterSpec;
import dev.lattice.model.cluster.ProviderSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The add-ons of one cluster and their delivery. {@link #fluxDocuments} gives the Flux documents to
 * apply inside the new cluster; {@link #delivery} wraps them, one ConfigMap per add-on group ({@code
 * <cluster>-addons-<group>}, keys {@code <kind>-<name>.yaml}), into a {@code ClusterResourceSet}
 * ({@code <cluster>-addons}, strategy {@code Reconcile}, so a version bump is re-applied) that
 * selects the {@code Cluster} by its {@code cluster.x-k8s.io/cluster-name} label. All of them live in
 * the cluster's CAPI namespace on the management cluster. The child's Flux controllers come with the
 * manifests the parent serves at registration; until they run, CAPI retries the apply.
 */
public final class Addons {
  /** The group order: the ClusterResourceSet applies its ConfigMaps in this order. */
  static final List<String> GROUPS = List.of("networking", "cloud", "mesh", "gpu", "monitoring", "backups");
  static final String CRS_API = "addons.cluster.x-k8s.io/v1beta2";
  static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";

  private Addons() {}

  /**
   * The Flux documents of a cluster, per group in {@link #GROUPS} order: each group's {@code
   * HelmRepository}s (first use), then its {@code HelmRelease}s in install order; the mesh group
   * starts with the Gateway API CRDs ({@link GatewayApiCrds}).
   */
  public static Map<String, List<Document>> fluxDocuments(LatticeClusterSpec spec) {
    ProviderSpec.Kubernetes k8s = spec.provider().kubernetes();
    String version = k8s.version().startsWith("v") ? k8s.version() : "v" + k8s.version();
    List<Release> releases = new ReleasePlanner(AddonSelection.of(spec), CiliumOptions.of(spec), k8s.bootstrap(), version,
        CloudControllers.providerOf(spec)).plan();
    Map<String, List<Document>> byGroup = new LinkedHashMap<>();
    List<String> repositories = new ArrayList<>();
    boolean services = AddonSelection.of(spec).services();
    for (String group : GROUPS) {
      List<Document> docs = new ArrayList<>();
      if (group.equals("mesh") && services) {
        docs.addAll(GatewayApiCrds.documents(VersionMatrix.get())); // the ingress Gateway's kinds
      }
      for (Release r : releases) {
        if (r.group().equals(group) && !repositories.contains(r.chart().repository())) {
          repositories.add(r.chart().repository());
          docs.add(FluxDocuments.repository(r.chart()));
        }
      }
      releases.stream().filter(r -> r.group().equals(group)).forEach(r -> docs.add(FluxDocuments.release(r)));
      if (!docs.isEmpty()) {
        byGroup.put(group, docs);
      }
    }
    return byGroup;
  }

  /**
   * The management-cluster documents that deliver the add-ons: ConfigMaps, then the
   * ClusterResourceSet naming them in group order.
   *
   * @param cluster the cluster name
   * @param namespace its CAPI namespace
   * @param labels the labels of its CAPI documents
   * @param nameOf shortens a name to a Kubernetes name (the emitter's naming scheme)
   */
  public static List<Document> delivery(String cluster, String namespace, Map<String, String> labels, LatticeClusterSpec spec,
      java.util.function.UnaryOperator<String> nameOf) {
    List<Document> out = new ArrayList<>();
    List<String> configMaps = new ArrayList<>();
    fluxDocuments(spec).forEach((group, docs) -> {
      Map<String, String> data = new TreeMap<>();
      for (int i = 0; i < docs.size(); i++) {
        Document d = docs.get(i);
        // a two-digit prefix keeps the install order in the sorted keys
        data.put(String.format(Locale.ROOT, "%02d-%s-%s.yaml", i, d.kind().toLowerCase(Locale.ROOT), d.name()),
            DocumentWriter.toYaml(d));
      }
      String name = nameOf.apply(cluster + "-addons-" + group);
      configMaps.add(name);
      out.add(Json.document("v1", "ConfigMap", Optional.of(namespace), name, labels, body -> body.set("data", Json.sortedMap(data))));
    });
    if (configMaps.isEmpty()) {
      return out;
    }
    out.add(Json.document(CRS_API, "ClusterResourceSet", Optional.of(namespace), nameOf.apply(cluster + "-addons"), labels, body -> {
      ObjectNode spec2 = body.putObject("spec");
      spec2.putObject("clusterSelector").set("matchLabels", Json.sortedMap(Map.of(CLUSTER_NAME_LABEL, cluster)));
      ArrayNode resources = spec2.putArray("resources");
      configMaps.forEach(cm -> resources.addObject().put("kind", "ConfigMap").put("name", cm));
      spec2.put("strategy", "Reconcile");
    }));
    return out;
  }
}

package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.ParentConfigSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A cell's documents, applied inside the cell cluster itself: the {@code lattice-cell} Service in
 * {@code lattice-system} that exposes the gRPC, bootstrap and proxy ports of the Lattice runtime
 * (the controller's pods, labelled {@code app.kubernetes.io/name: lattice-controller} by {@code lattice
 * install-manifests}; lattice-controller's {@code ServiceSelectorTest} holds the two together) with the declared Service type, and the
 * {@code lattice-cell} ConfigMap holding the settings the runtime reads ({@code cluster}, {@code
 * grpcPort}, {@code bootstrapPort}, {@code proxyPort}, {@code serviceType}, and {@code host} when
 * declared; without it the runtime discovers the Service's address); with {@code gitops}, the Flux
 * GitRepository and Kustomization that apply the cell's own repository.
 */
final class CellDocuments {
  static final String NAME = "lattice-cell";
  static final String NAMESPACE = "lattice-system";
  static final String RUNTIME = "lattice-controller";
  static final String CLUSTER_LABEL = "lattice.dev/cluster";
  static final String FLUX_NAMESPACE = "flux-system";
  static final String FLUX_NAME = "flux-system";
  static final String FLUX_SOURCE_API = "source.toolkit.fluxcd.io/v1";
  static final String FLUX_KUSTOMIZE_API = "kustomize.toolkit.fluxcd.io/v1";
  /** The reconcile interval {@code lattice gitops} writes by default. */
  static final String FLUX_INTERVAL = "10m";

  private CellDocuments() {}

  static List<Document> of(ClusterPlan plan, ParentConfigSpec cell) {
    Map<String, String> labels = Map.of(Json.NAME_LABEL, NAME, CLUSTER_LABEL, plan.name());
    String type = cell.service().map(s -> s.type()).orElse(ParentConfigSpec.Type.LOAD_BALANCER).wire();
    Document service = Json.document("v1", "Service", Optional.of(NAMESPACE), NAME, labels, body -> {
      ObjectNode spec = body.putObject("spec");
      ArrayNode ports = spec.putArray("ports");
      port(ports, "grpc", cell.grpcPort());
      port(ports, "bootstrap", cell.bootstrapPort());
      port(ports, "proxy", cell.proxyPort());
      spec.set("selector", Json.sortedMap(Map.of(Json.NAME_LABEL, RUNTIME)));
      spec.put("type", type);
    });
    Map<String, String> data = new TreeMap<>();
    data.put("cluster", plan.name());
    data.put("grpcPort", Integer.toString(cell.grpcPort()));
    data.put("bootstrapPort", Integer.toString(cell.bootstrapPort()));
    data.put("proxyPort", Integer.toString(cell.proxyPort()));
    data.put("serviceType", type);
    cell.host().ifPresent(h -> data.put("host", h));
    Document config = Json.document("v1", "ConfigMap", Optional.of(NAMESPACE), NAME, labels,
        body -> body.set("data", Json.sortedMap(data)));
    List<Document> out = new java.util.ArrayList<>(List.of(config, service));
    cell.gitops().ifPresent(g -> out.addAll(gitops(g)));
    return out;
  }

  /**
   * The cell's own repository, as {@code flux bootstrap} names it and as {@code lattice gitops} lays it
   * out: GitRepository {@code flux-system/flux-system} (source.toolkit.fluxcd.io/v1: {@code url}, {@code
   * ref.branch}, {@code interval}) and Kustomization {@code flux-system/flux-system}
   * (kustomize.toolkit.fluxcd.io/v1: {@code path} ./basePath, {@code prune}, {@code sourceRef}); see
   * https://fluxcd.io/flux/components/source/gitrepositories/ and
   * https://fluxcd.io/flux/components/kustomize/kustomizations/. Git credentials (an SSH URL needs a
   * {@code secretRef}) are the platform's: Lattice names no Secret it does not write.
   */
  static List<Document> gitops(ParentConfigSpec.GitOpsSpec g) {
    Map<String, String> labels = Map.of(Json.NAME_LABEL, NAME);
    Document source = Json.document(FLUX_SOURCE_API, "GitRepository", Optional.of(FLUX_NAMESPACE), FLUX_NAME, labels, body -> {
      ObjectNode spec = body.putObject("spec");
      spec.put("interval", FLUX_INTERVAL);
      spec.putObject("ref").put("branch", g.branch());
      spec.put("url", fluxUrl(g.url()));
    });
    Document apply = Json.document(FLUX_KUSTOMIZE_API, "Kustomization", Optional.of(FLUX_NAMESPACE), FLUX_NAME, labels, body -> {
      ObjectNode spec = body.putObject("spec");
      spec.put("interval", FLUX_INTERVAL);
      spec.put("path", "./" + g.basePath().map(p -> p.replaceAll("^\\./|^/|/$", "")).orElse(""));
      spec.put("prune", true);
      ObjectNode ref = spec.putObject("sourceRef");
      ref.put("kind", "GitRepository");
      ref.put("name", FLUX_NAME);
    });
    return List.of(source, apply);
  }

  private static final java.util.regex.Pattern SCP_LIKE = java.util.regex.Pattern.compile("([A-Za-z0-9._-]+@)?([A-Za-z0-9.-]+):(?!//)(.+)");

  /**
   * Flux's GitRepository takes {@code http(s)://} or {@code ssh://} URLs only (its CRD pattern
   * {@code ^(http|https|ssh)://.*$}); Git's scp-like {@code git@github.com:org/repo.git} names the same
   * repository as {@code ssh://git@github.com/org/repo.git}, so it is rewritten (with a warning, see
   * {@link #isScpLike}).
   */
  static String fluxUrl(String url) {
    java.util.regex.Matcher m = SCP_LIKE.matcher(url);
    return isScpLike(url) && m.matches()
        ? "ssh://" + (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "/" + m.group(3) : url;
  }

  static boolean isScpLike(String url) {
    return !url.contains("://") && SCP_LIKE.matcher(url).matches();
  }

  private static void port(ArrayNode ports, String name, int port) {
    ports.addObject().put("name", name).put("port", port).put("protocol", "TCP").put("targetPort", port);
  }
}

package dev.lattice.cli.gitops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import dev.lattice.document.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The files Lattice writes new: a service registration (Flux {@code GitRepository} +
 * {@code Kustomization}), a child cluster's Flux {@code Kustomization}, a placement patch and a
 * kustomize {@code kustomization.yaml}. Bodies are built through the compiler's typed {@link Json}
 * API and written by its one {@link DocumentWriter}, then passed once through {@link YamlFile} so
 * that a later edit of the file re-emits it unchanged.
 */
final class FluxDocs {
  static final String SOURCE_API = "source.toolkit.fluxcd.io/v1";
  static final String KUSTOMIZE_API = "kustomize.toolkit.fluxcd.io/v1";
  static final String KUSTOMIZE_CONFIG_API = "kustomize.config.k8s.io/v1beta1";
  static final String FLUX_NAMESPACE = "flux-system";
  /** The post-build variable holding a service's replica count on a cluster. */
  static final String REPLICAS_VAR = "LATTICE_REPLICAS";

  private FluxDocs() {}

  /** {@code registrations/<name>.yaml}: where the service's manifests are, and its default replica count. */
  static String registration(String name, String url, String branch, String path, int replicas, String interval) {
    Document source = Json.document(SOURCE_API, "GitRepository", Optional.of(FLUX_NAMESPACE), name, Map.of(), body -> {
      ObjectNode spec = body.putObject("spec");
      spec.put("interval", interval);
      spec.put("url", url);
      spec.putObject("ref").put("branch", branch);
    });
    Document deploy = Json.document(KUSTOMIZE_API, "Kustomization", Optional.of(FLUX_NAMESPACE), name, Map.of(), body -> {
      ObjectNode spec = body.putObject("spec");
      spec.put("interval", interval);
      spec.put("path", path);
      spec.put("prune", true);
      ObjectNode ref = spec.putObject("sourceRef");
      ref.put("kind", "GitRepository");
      ref.put("name", name);
      spec.putObject("postBuild").putObject("substitute").put(REPLICAS_VAR, Integer.toString(replicas));
    });
    return text("Service " + name + ", registered with `lattice service register`. Its manifests read\n"
        + "# ${" + REPLICAS_VAR + "} (Flux post-build substitution); placements patch it per cluster.", List.of(source, deploy));
  }

  /** {@code children/<name>/flux.yaml}: the parent's Flux applies the child's folder into the child. */
  static String clusterSync(String name, String dir, String interval) {
    Document d = Json.document(KUSTOMIZE_API, "Kustomization", Optional.of("capi-" + name), name, Map.of(), body -> {
      ObjectNode spec = body.putObject("spec");
      spec.put("interval", interval);
      spec.put("path", Layout.fluxPath(dir));
      spec.put("prune", true);
      spec.put("suspend", false);
      ObjectNode ref = spec.putObject("sourceRef");
      ref.put("kind", "GitRepository");
      ref.put("name", FLUX_NAMESPACE);
      ref.put("namespace", FLUX_NAMESPACE);
      spec.putObject("kubeConfig").putObject("secretRef").put("name", name + "-kubeconfig");
    });
    return text("Flux on the parent cluster applies " + Layout.fluxPath(dir) + " into cluster " + name
        + " (its Cluster API\n# kubeconfig). `lattice flux suspend " + name + "` / `resume " + name + "` flip spec.suspend.", List.of(d));
  }

  /** {@code placements/<service>.yaml}: a strategic-merge patch of the service's Kustomization. */
  static String placement(String service, String cluster, int replicas, SortedMap<String, String> env) {
    ObjectNode body = Json.object();
    body.put("apiVersion", KUSTOMIZE_API);
    body.put("kind", "Kustomization");
    ObjectNode meta = body.putObject("metadata");
    meta.put("name", service);
    meta.put("namespace", FLUX_NAMESPACE);
    ObjectNode substitute = body.putObject("spec").putObject("postBuild").putObject("substitute");
    substitute.put(REPLICAS_VAR, Integer.toString(replicas));
    env.forEach(substitute::put);
    Document d = Document.of(KUSTOMIZE_API, "Kustomization", Optional.of(FLUX_NAMESPACE), service, body);
    return text("Placement of " + service + " on cluster " + cluster + ": a patch of registrations/" + service + ".yaml.\n"
        + "# `lattice placement scale " + service + " --cluster " + cluster + " --replicas N` changes it.", List.of(d));
  }

  /** A kustomize {@code kustomization.yaml} listing {@code resources} and {@code patches}. */
  static String kustomization(List<String> resources, List<String> patches) {
    ObjectNode body = Json.object();
    body.put("apiVersion", KUSTOMIZE_CONFIG_API);
    body.put("kind", "Kustomization");
    var res = body.putArray("resources");
    resources.forEach(res::add);
    if (!patches.isEmpty()) {
      var p = body.putArray("patches");
      patches.forEach(path -> p.addObject().put("path", path));
    }
    Document d = Document.of(KUSTOMIZE_CONFIG_API, "Kustomization", Optional.empty(), "kustomization", body);
    return text("Kept by lattice: the lists are sorted and name exactly the files this folder applies.", List.of(d));
  }

  private static String text(String comment, List<Document> documents) {
    String yaml = DocumentWriter.toYaml(documents);
    if (yaml.startsWith("---\n")) {
      yaml = yaml.substring(4);
    }
    try {
      return YamlFile.canonical("generated", "# " + comment + "\n" + yaml);
    } catch (Refusal e) {
      throw new IllegalStateException("generated YAML does not parse", e);
    }
  }
}

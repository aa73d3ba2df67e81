package dev.lattice.emit.capi.addons;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Gateway API CRDs, which no chart installs and Istio needs before it programs a {@code Gateway}
 * ("Gateway API CRDs do not come installed by default on most Kubernetes clusters", istio.io
 * Kubernetes Gateway API task): a Flux {@code GitRepository} of kubernetes-sigs/gateway-api at the
 * pinned release tag and a {@code Kustomization} applying its {@code config/crd/standard} folder,
 * the standard channel's CRDs. It never prunes: removing a CRD deletes every object of its kind.
 */
final class GatewayApiCrds {
  static final String NAME = "gateway-api";
  static final String URL = "https://github.com/kubernetes-sigs/gateway-api";
  static final String PATH = "./config/crd/standard";

  private GatewayApiCrds() {}

  static List<Document> documents(VersionMatrix versions) {
    Document source = Json.document("source.toolkit.fluxcd.io/v1", "GitRepository", Optional.of(FluxDocuments.NAMESPACE), NAME,
        Map.of(), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.put("interval", FluxDocuments.REPOSITORY_INTERVAL);
          spec.putObject("ref").put("tag", versions.gatewayApiVersion());
          spec.put("url", URL);
        });
    Document apply = Json.document("kustomize.toolkit.fluxcd.io/v1", "Kustomization", Optional.of(FluxDocuments.NAMESPACE),
        NAME + "-crds", Map.of(), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.put("interval", FluxDocuments.RELEASE_INTERVAL);
          spec.put("path", PATH);
          spec.put("prune", false);
          ObjectNode ref = spec.putObject("sourceRef");
          ref.put("kind", "GitRepository");
          ref.put("name", NAME);
        });
    return List.of(source, apply);
  }
}

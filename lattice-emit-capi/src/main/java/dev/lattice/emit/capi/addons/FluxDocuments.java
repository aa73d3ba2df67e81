package dev.lattice.emit.capi.addons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import java.util.Map;
import java.util.Optional;

/**
 * Renders releases as Flux documents in {@code flux-system} of the new cluster: a {@code
 * HelmRepository} (source.toolkit.fluxcd.io/v1) per repository and a {@code HelmRelease}
 * (helm.toolkit.fluxcd.io/v2) per release, pinned to the matrix version, installing and upgrading
 * the chart's CRDs ({@code CreateReplace}), retrying failed installs and upgrades, and waiting for
 * its {@code dependsOn}.
 */
final class FluxDocuments {
  static final String NAMESPACE = "flux-system";
  static final String SOURCE_API = "source.toolkit.fluxcd.io/v1";
  static final String HELM_API = "helm.toolkit.fluxcd.io/v2";
  static final String REPOSITORY_INTERVAL = "1h";
  static final String RELEASE_INTERVAL = "30m";
  static final int RETRIES = 3;

  private FluxDocuments() {}

  static Document repository(VersionMatrix.Chart chart) {
    return Json.document(SOURCE_API, "HelmRepository", Optional.of(NAMESPACE), chart.repository(), Map.of(), body -> {
      ObjectNode spec = body.putObject("spec");
      spec.put("interval", REPOSITORY_INTERVAL);
      if (chart.oci()) {
        spec.put("type", "oci");
      }
      spec.put("url", chart.url());
    });
  }

  static Document release(Release r) {
    return Json.document(HELM_API, "HelmRelease", Optional.of(NAMESPACE), r.name(), Map.of(), body -> {
      ObjectNode spec = body.putObject("spec");
      ObjectNode chart = spec.putObject("chart").putObject("spec");
      chart.put("chart", r.chart().chart());
      chart.put("reconcileStrategy", "ChartVersion");
      ObjectNode source = chart.putObject("sourceRef");
      source.put("kind", "HelmRepository");
      source.put("name", r.chart().repository());
      chart.put("version", r.chart().version());
      if (!r.dependsOn().isEmpty()) {
        ArrayNode deps = spec.putArray("dependsOn");
        r.dependsOn().forEach(d -> deps.addObject().put("name", d));
      }
      ObjectNode install = spec.putObject("install");
      install.put("createNamespace", true);
      install.put("crds", "CreateReplace");
      install.putObject("remediation").put("retries", RETRIES);
      spec.put("interval", RELEASE_INTERVAL);
      spec.put("releaseName", r.name());
      spec.put("targetNamespace", r.targetNamespace());
      ObjectNode upgrade = spec.putObject("upgrade");
      upgrade.put("crds", "CreateReplace");
      upgrade.putObject("remediation").put("retries", RETRIES);
      if (!r.values().isEmpty()) {
        spec.set("values", r.values());
      }
      r.valuesFrom().ifPresent(cm -> spec.putArray("valuesFrom").addObject()
          .put("kind", "ConfigMap").put("name", cm).put("optional", true));
    });
  }
}

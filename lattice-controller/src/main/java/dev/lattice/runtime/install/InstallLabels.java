package dev.lattice.runtime.install;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import java.util.Optional;

/**
 * The skeleton of an install artefact. They are labelled {@code app.kubernetes.io/part-of:
 * lattice}, not {@code managed-by: lattice}: the controller never applies nor prunes them.
 */
final class InstallLabels {
  static final String NAMESPACE = "lattice-system";
  static final String NAME = "lattice-controller";

  private InstallLabels() {}

  static ObjectNode skeleton(String apiVersion, String kind, Optional<String> namespace, String name) {
    ObjectNode body = Json.object();
    body.put("apiVersion", apiVersion);
    body.put("kind", kind);
    ObjectNode meta = body.putObject("metadata");
    meta.put("name", name);
    namespace.ifPresent(ns -> meta.put("namespace", ns));
    ObjectNode labels = meta.putObject("labels");
    labels.put("app.kubernetes.io/name", NAME);
    labels.put("app.kubernetes.io/part-of", "lattice");
    return body;
  }
}

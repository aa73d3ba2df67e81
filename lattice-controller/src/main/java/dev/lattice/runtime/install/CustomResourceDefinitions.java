package dev.lattice.runtime.install;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * The {@code apiextensions.k8s.io/v1} CustomResourceDefinition of every {@link CrdKind}: the
 * schema derived from the model ({@link SchemaDeriver}), a status subresource, and printer
 * columns for phase and readiness (plus node counts for clusters).
 */
public final class CustomResourceDefinitions {
  private CustomResourceDefinitions() {}

  /** Every CRD, in {@link CrdKind} order. */
  public static List<Document> all() {
    return CrdKind.all().stream().map(CustomResourceDefinitions::of).toList();
  }

  /** The CRD of one kind. */
  public static Document of(CrdKind kind) {
    ObjectNode body = InstallLabels.skeleton("apiextensions.k8s.io/v1", "CustomResourceDefinition",
        Optional.empty(), kind.crdName());
    ObjectNode spec = body.putObject("spec");
    spec.put("group", CrdKind.GROUP);
    ObjectNode names = spec.putObject("names");
    names.put("kind", kind.kind().wire());
    names.put("listKind", kind.kind().wire() + "List");
    names.put("plural", kind.plural());
    names.put("singular", kind.kind().wire().toLowerCase());
    if (!kind.shortNames().isEmpty()) {
      names.set("shortNames", Json.strings(kind.shortNames()));
    }
    names.set("categories", Json.strings(List.of("lattice")));
    spec.put("scope", kind.namespaced() ? "Namespaced" : "Cluster");
    ObjectNode version = spec.putArray("versions").addObject();
    version.put("name", CrdKind.VERSION);
    version.put("served", true);
    version.put("storage", true);
    version.putObject("subresources").putObject("status");
    version.set("additionalPrinterColumns", columns(kind));
    version.putObject("schema").set("openAPIV3Schema", schema(kind));
    return Document.of("apiextensions.k8s.io/v1", "CustomResourceDefinition", Optional.empty(), kind.crdName(), body);
  }

  static ObjectNode schema(CrdKind kind) {
    ObjectNode root = Json.object();
    root.put("type", "object");
    root.put("description", kind.kind().wire() + " (lattice.dev/v1alpha1), derived from the Lattice model.");
    ObjectNode properties = root.putObject("properties");
    properties.putObject("apiVersion").put("type", "string");
    properties.putObject("kind").put("type", "string");
    properties.putObject("metadata").put("type", "object");
    properties.set("spec", specSchema(kind.specType()));
    properties.set("status", SchemaDeriver.of(kind.statusType()));
    root.set("required", Json.strings(List.of("spec")));
    return root;
  }

  private static ObjectNode specSchema(Type specType) {
    if (!(specType instanceof Class<?> c) || !c.isRecord()) {
      throw new IllegalStateException("spec must be a record: " + specType);
    }
    return SchemaDeriver.of(c);
  }

  private static ArrayNode columns(CrdKind kind) {
    ArrayNode columns = Json.array();
    column(columns, "Phase", "string", ".status.phase");
    column(columns, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status");
    if (kind == CrdKind.LATTICE_CLUSTER) {
      column(columns, "Control-Plane", "integer", ".status.readyControlPlane");
      column(columns, "Workers", "integer", ".status.readyWorkers");
    }
    column(columns, "Age", "date", ".metadata.creationTimestamp");
    return columns;
  }

  private static void column(ArrayNode columns, String name, String type, String path) {
    columns.addObject().put("name", name).put("type", type).put("jsonPath", path);
  }
}

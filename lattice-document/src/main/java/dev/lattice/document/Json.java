package dev.lattice.document;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The small typed API emitters build documents with: a Kubernetes object skeleton with the standard
 * labels, helpers that keep key order fixed and maps sorted, and {@link #document}, which fills a
 * draft and freezes it into a {@link Document}. A draft is a Jackson tree that lives only until its
 * document is made.
 */
public final class Json {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Label on every emitted document. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  /** Label naming the service a document belongs to; pods select on it. */
  public static final String NAME_LABEL = "app.kubernetes.io/name";
  /**
   * Pod label naming the service a pod serves; every policy, allow-list and PDB selects on it. A
   * rollout tool may rewrite {@link #NAME_LABEL} but leaves this one: Flagger rewrites only the
   * first of {@code app}, {@code name}, {@code app.kubernetes.io/name} found in the Deployment's
   * selector and copies every other pod label to its primary (fluxcd/flagger
   * pkg/canary/deployment_controller.go {@code getSelectorLabel}, pkg/canary/util.go {@code
   * makePrimaryLabels}).
   */
  public static final String SERVICE_LABEL = "lattice.dev/service";
  /** Pod label naming the {@code LatticeJob} a task's pod belongs to; the job's peer policies select on it. */
  public static final String JOB_LABEL = "lattice.dev/job";
  /** Pod label naming the {@code LatticeModel} a role's pod belongs to; the model's peer policies select on it. */
  public static final String MODEL_LABEL = "lattice.dev/model";
  /** Pod label of a model's entry pods (the ones the Kthena router calls), naming the model. */
  public static final String MODEL_ENTRY_LABEL = "lattice.dev/model-entry";

  private Json() {}

  public static ObjectNode object() {
    return F.objectNode();
  }

  public static ArrayNode array() {
    return F.arrayNode();
  }

  /** An array of strings, in the given order. */
  public static ArrayNode strings(Collection<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  /** An object of string values with sorted keys. */
  public static ObjectNode sortedMap(Map<String, String> values) {
    ObjectNode o = F.objectNode();
    boolean sorted = values instanceof SortedMap<String, String> m && m.comparator() == null;
    (sorted || values.size() < 2 ? values : new TreeMap<>(values)).forEach(o::put);
    return o;
  }

  /**
   * Starts a document body: {@code apiVersion}, {@code kind}, {@code metadata} (name, namespace,
   * sorted labels including managed-by, sorted annotations). Returns the body; add {@code spec}
   * next.
   */
  public static ObjectNode skeleton(String apiVersion, String kind, Optional<String> namespace, String name,
      Map<String, String> labels, Map<String, String> annotations) {
    ObjectNode body = F.objectNode();
    body.put("apiVersion", apiVersion);
    body.put("kind", kind);
    ObjectNode meta = body.putObject("metadata");
    meta.put("name", name);
    namespace.ifPresent(ns -> meta.put("namespace", ns));
    SortedMap<String, String> all = new TreeMap<>(labels);
    all.put(MANAGED_BY, "lattice");
    meta.set("labels", sortedMap(all));
    if (!annotations.isEmpty()) {
      meta.set("annotations", sortedMap(annotations));
    }
    return body;
  }

  /** A document with the standard skeleton; {@code fill} adds the rest of the body. */
  public static Document document(String apiVersion, String kind, Optional<String> namespace, String name,
      Map<String, String> labels, java.util.function.Consumer<ObjectNode> fill) {
    ObjectNode body = skeleton(apiVersion, kind, namespace, name, labels, Map.of());
    fill.accept(body);
    return Document.of(apiVersion, kind, namespace, name, body);
  }
}

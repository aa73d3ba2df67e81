package dev.lattice.runtime.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.document.Sha256;
import dev.lattice.document.Value;
import dev.lattice.model.Kind;
import dev.lattice.runtime.install.ManagedKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which object a document belongs to, and the annotations that record it. A document labelled
 * {@code cluster.x-k8s.io/cluster-name: X} belongs to the LatticeCluster X; a namespaced document
 * labelled {@code app.kubernetes.io/name: X} belongs to the service, mesh member or external
 * service X of its namespace; every other document (namespaces, mesh-wide defaults) belongs to
 * the {@link #FLEET}. The controller prunes only documents that carry the managed-by label, {@link
 * #OWNER} and {@link #APPLIED_AS} naming the document itself, so documents applied by hand, by
 * {@code lattice compile | kubectl apply}, or copied from one of ours are never touched.
 */
public final class Ownership {
  /** The annotation naming a document's owner. */
  public static final String OWNER = "lattice.dev/owner";
  /** The annotation with the hash of the document as compiled, before annotations were added. */
  public static final String HASH = "lattice.dev/content-hash";
  /**
   * The annotation with the identity the controller wrote the document under ({@link #id}). A copy
   * of the document (kubectl get -o yaml into another namespace, or under another name) keeps the
   * annotation but not the identity, so it is not taken for one of ours and is never pruned.
   */
  public static final String APPLIED_AS = "lattice.dev/applied-as";
  /** Cluster API's label naming the Cluster a document belongs to. */
  static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";
  /** The owner of documents derived from the fleet as a whole. */
  public static final String FLEET = "fleet";
  private static final List<Kind> OWNER_KINDS = java.util.Arrays.stream(Kind.values()).filter(Kind::meshAddressed).toList();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Ownership() {}

  /** The owner of a compiled document among the objects of the fleet. */
  public static String ownerOf(Document d, Set<ObjectKey> objects) {
    // a cluster's CAPI documents carry CAPI's own cluster-name label (namespaces aside): owned by the
    // LatticeCluster, so a spec held for errors keeps them, across restarts too (issue #16, item 1)
    Optional<String> clusterName = d.text("metadata", "labels", CLUSTER_NAME_LABEL);
    if (clusterName.isPresent()) {
      ObjectKey key = ObjectKey.of(Kind.LATTICE_CLUSTER, null, clusterName.get());
      if (objects.contains(key)) {
        return key.toString();
      }
    }
    Optional<String> name = d.text("metadata", "labels", Json.NAME_LABEL);
    if (d.namespace().isEmpty() || name.isEmpty()) {
      return FLEET;
    }
    for (Kind k : OWNER_KINDS) {
      ObjectKey key = ObjectKey.of(k, d.namespace().get(), name.get());
      if (objects.contains(key)) {
        return key.toString();
      }
    }
    // a job's (a model's) own documents are named after it, its tasks' (roles') after <job>-<task>
    // (<model>-<role>[-worker]): the longest job or model name that fits
    String n = name.get();
    for (int dash = n.length(); dash > 0; dash = n.lastIndexOf('-', dash - 1)) {
      for (Kind k : List.of(Kind.LATTICE_JOB, Kind.LATTICE_MODEL)) {
        ObjectKey key = ObjectKey.of(k, d.namespace().get(), n.substring(0, dash));
        if (objects.contains(key)) {
          return key.toString();
        }
      }
    }
    return FLEET;
  }

  /** The document to apply: annotated copy of the body, with its content hash. */
  public static DesiredDocument desired(Document d, Set<ObjectKey> objects) {
    ManagedKind kind = ManagedKind.of(d.apiVersion(), d.kind())
        .orElseThrow(() -> new IllegalStateException("no ManagedKind for " + d.apiVersion() + " " + d.kind()
            + ": add it to ManagedKind.ALL (and so to the ClusterRole)"));
    String owner = ownerOf(d, objects);
    String hash = hash(d.content());
    ObjectNode body = d.json();
    ObjectNode annotations = body.with("metadata").with("annotations");
    String id = id(d.apiVersion(), d.kind(), d.namespace(), d.name());
    annotations.put(OWNER, owner);
    annotations.put(HASH, hash);
    annotations.put(APPLIED_AS, id);
    return new DesiredDocument(id, kind, d.namespace(), d.name(), owner, hash, body);
  }

  public static String id(String apiVersion, String kind, Optional<String> namespace, String name) {
    return apiVersion + " " + kind + "/" + namespace.map(n -> n + "/").orElse("") + name;
  }

  static String hash(Value body) {
    try {
      return Sha256.hex(JSON.writeValueAsString(body), 24); // 12 bytes, as ever
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.lattice.runtime.install;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The controller's ServiceAccount, ClusterRole and ClusterRoleBinding. The role grants exactly what
 * the controller does: watch the Lattice kinds and write their status and finalizers; create,
 * read, change and delete the emitted kinds ({@link ManagedKind}, by apply or create-or-replace,
 * and prune); record Events; read and create Secrets (a cell's bootstrap tokens); and, in its own namespace only, hold a Lease for leader election.
 */
public final class Rbac {
  /** Verbs on emitted kinds: apply (patch, create), create-or-replace (get, create, update), prune (list, delete). */
  static final List<String> APPLY_VERBS = List.of("create", "delete", "get", "list", "patch", "update");
  /** Verbs on Lattice kinds: the informers (get, list, watch) and finalizers (patch, update). */
  static final List<String> WATCH_VERBS = List.of("get", "list", "patch", "update", "watch");

  private Rbac() {}

  public static List<Document> all() {
    return List.of(serviceAccount(), clusterRole(), binding(), leaseRole(), leaseBinding());
  }

  /** Leader election needs a Lease only in the controller's own namespace: a Role, not a ClusterRole. */
  static Document leaseRole() {
    ObjectNode body = InstallLabels.skeleton("rbac.authorization.k8s.io/v1", "Role",
        Optional.of(InstallLabels.NAMESPACE), InstallLabels.NAME + "-leader-election");
    rule(body.putArray("rules"), "coordination.k8s.io", List.of("leases"), List.of("create", "get", "update"));
    return Document.of("rbac.authorization.k8s.io/v1", "Role", Optional.of(InstallLabels.NAMESPACE),
        InstallLabels.NAME + "-leader-election", body);
  }

  static Document leaseBinding() {
    String name = InstallLabels.NAME + "-leader-election";
    ObjectNode body = InstallLabels.skeleton("rbac.authorization.k8s.io/v1", "RoleBinding",
        Optional.of(InstallLabels.NAMESPACE), name);
    body.putObject("roleRef").put("apiGroup", "rbac.authorization.k8s.io").put("kind", "Role").put("name", name);
    subject(body);
    return Document.of("rbac.authorization.k8s.io/v1", "RoleBinding", Optional.of(InstallLabels.NAMESPACE), name, body);
  }

  private static void subject(ObjectNode body) {
    body.putArray("subjects").addObject().put("kind", "ServiceAccount").put("name", InstallLabels.NAME)
        .put("namespace", InstallLabels.NAMESPACE);
  }

  static Document serviceAccount() {
    ObjectNode body = InstallLabels.skeleton("v1", "ServiceAccount", Optional.of(InstallLabels.NAMESPACE), InstallLabels.NAME);
    body.put("automountServiceAccountToken", true);
    return Document.of("v1", "ServiceAccount", Optional.of(InstallLabels.NAMESPACE), InstallLabels.NAME, body);
  }

  static Document clusterRole() {
    ObjectNode body = InstallLabels.skeleton("rbac.authorization.k8s.io/v1", "ClusterRole", Optional.empty(), InstallLabels.NAME);
    ArrayNode rules = body.putArray("rules");
    List<String> lattice = new ArrayList<>();
    List<String> status = new ArrayList<>();
    for (CrdKind k : CrdKind.all()) {
      lattice.add(k.plural());
      status.add(k.plural() + "/status");
    }
    rule(rules, CrdKind.GROUP, lattice, WATCH_VERBS);
    rule(rules, CrdKind.GROUP, status, List.of("get", "patch", "update"));
    Map<String, TreeSet<String>> byGroup = new TreeMap<>();
    for (ManagedKind k : ManagedKind.ALL) {
      byGroup.computeIfAbsent(k.group(), g -> new TreeSet<>()).add(k.plural());
    }
    byGroup.forEach((group, plurals) -> rule(rules, group, List.copyOf(plurals), APPLY_VERBS));
    rule(rules, "", List.of("events"), List.of("create"));
    // a cell (lattice controller --cell-grpc): each child's bootstrap Secret, issued once
    rule(rules, "", List.of("secrets"), List.of("create", "get"));
    return Document.of("rbac.authorization.k8s.io/v1", "ClusterRole", Optional.empty(), InstallLabels.NAME, body);
  }

  static Document binding() {
    ObjectNode body = InstallLabels.skeleton("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", Optional.empty(), InstallLabels.NAME);
    body.putObject("roleRef").put("apiGroup", "rbac.authorization.k8s.io").put("kind", "ClusterRole")
        .put("name", InstallLabels.NAME);
    subject(body);
    return Document.of("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", Optional.empty(), InstallLabels.NAME, body);
  }

  private static void rule(ArrayNode rules, String group, List<String> resources, List<String> verbs) {
    ObjectNode r = rules.addObject();
    r.set("apiGroups", Json.strings(List.of(group)));
    r.set("resources", Json.strings(resources));
    r.set("verbs", Json.strings(verbs));
  }
}

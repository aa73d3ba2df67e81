package dev.lattice.runtime.link.bootstrap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents that install an agent into a child cluster, in {@code lattice-system}: the
 * Namespace (PSA restricted), ServiceAccount, a ClusterRole and binding (the agent applies what the
 * cell sends and, during a pivot, receives every CAPI object, so it may manage all resources — the
 * cluster's own controller), a Secret with the single-use enrolment token, a ConfigMap with the CA
 * bundle and the cell address, and the Deployment (one replica, restricted security context).
 */
final class AgentManifests {
  public static final String NAMESPACE = "lattice-system";
  public static final String NAME = "lattice-agent";

  /** What goes into the manifests. */
  public record Inputs(String cluster, String image, String cellAddress, String caBundlePem, String enrolToken) {}

  private AgentManifests() {}

  public static List<Document> of(Inputs in) {
    Optional<String> ns = Optional.of(NAMESPACE);
    Map<String, String> labels = Map.of(Json.NAME_LABEL, NAME);
    List<Document> docs = new ArrayList<>();
    docs.add(Json.document("v1", "Namespace", Optional.empty(), NAMESPACE, Map.of(),
        b -> b.with("metadata").with("labels").put("pod-security.kubernetes.io/enforce", "restricted")));
    docs.add(Json.document("v1", "ServiceAccount", ns, NAME, labels, b -> { }));
    docs.add(Json.document("rbac.authorization.k8s.io/v1", "ClusterRole", Optional.empty(), NAME, labels, b -> {
      ObjectNode rule = b.putArray("rules").addObject();
      rule.set("apiGroups", Json.strings(List.of("*")));
      rule.set("resources", Json.strings(List.of("*")));
      rule.set("verbs", Json.strings(List.of("*")));
    }));
    docs.add(Json.document("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", Optional.empty(), NAME, labels, b -> {
      b.putObject("roleRef").put("apiGroup", "rbac.authorization.k8s.io").put("kind", "ClusterRole").put("name", NAME);
      b.putArray("subjects").addObject().put("kind", "ServiceAccount").put("name", NAME).put("namespace", NAMESPACE);
    }));
    docs.add(Json.document("v1", "Secret", ns, NAME + "-enrol", labels, b -> {
      b.put("type", "Opaque");
      b.putObject("stringData").put("token", in.enrolToken());
    }));
    docs.add(Json.document("v1", "ConfigMap", ns, NAME + "-cell", labels, b -> b.putObject("data")
        .put("ca.crt", in.caBundlePem()).put("cell", in.cellAddress()).put("cluster", in.cluster())));
    docs.add(deployment(in, labels));
    return docs;
  }

  private static Document deployment(Inputs in, Map<String, String> labels) {
    return Json.document("apps/v1", "Deployment", Optional.of(NAMESPACE), NAME, labels, b -> {
      ObjectNode spec = b.putObject("spec");
      spec.put("replicas", 1);
      spec.putObject("selector").putObject("matchLabels").put(Json.NAME_LABEL, NAME);
      ObjectNode template = spec.putObject("template");
      template.putObject("metadata").putObject("labels").put(Json.NAME_LABEL, NAME);
      ObjectNode pod = template.putObject("spec");
      pod.put("serviceAccountName", NAME);
      pod.putObject("securityContext").put("runAsNonRoot", true).put("runAsUser", 65532)
          .putObject("seccompProfile").put("type", "RuntimeDefault");
      ObjectNode c = pod.putArray("containers").addObject();
      c.put("name", "agent").put("image", in.image()).put("imagePullPolicy", "IfNotPresent");
      c.set("args", Json.strings(List.of("agent", "--cluster", in.cluster(), "--cell", in.cellAddress(),
          "--ca", "/etc/lattice/cell/ca.crt", "--token-file", "/etc/lattice/enrol/token", "--data", "/var/lib/lattice")));
      ObjectNode sc = c.putObject("securityContext");
      sc.put("allowPrivilegeEscalation", false).put("readOnlyRootFilesystem", true);
      sc.putObject("capabilities").set("drop", Json.strings(List.of("ALL")));
      ArrayNode mounts = c.putArray("volumeMounts");
      mounts.addObject().put("name", "cell").put("mountPath", "/etc/lattice/cell").put("readOnly", true);
      mounts.addObject().put("name", "enrol").put("mountPath", "/etc/lattice/enrol").put("readOnly", true);
      mounts.addObject().put("name", "data").put("mountPath", "/var/lib/lattice");
      c.putObject("resources").putObject("requests").put("cpu", "50m").put("memory", "128Mi");
      ArrayNode volumes = pod.putArray("volumes");
      volumes.addObject().put("name", "cell").putObject("configMap").put("name", NAME + "-cell");
      volumes.addObject().put("name", "enrol").putObject("secret").put("secretName", NAME + "-enrol");
      volumes.addObject().put("name", "data").putObject("emptyDir");
    });
  }
}

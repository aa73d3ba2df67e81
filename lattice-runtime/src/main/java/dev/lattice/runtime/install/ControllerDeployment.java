package dev.lattice.runtime.install;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.compiler.document.Document;
import dev.lattice.compiler.document.Json;
import java.util.List;
import java.util.Optional;

/**
 * The controller's Namespace, Deployment (two replicas behind a Lease, restricted security
 * context, health probes) and metrics Service, all in {@code lattice-system}.
 */
public final class ControllerDeployment {
  static final int METRICS_PORT = 8080;
  static final int HEALTH_PORT = 8081;

  private ControllerDeployment() {}

  /** The documents for an image reference such as {@code ghcr.io/example/lattice-controller:0.1.0}. */
  public static List<Document> all(String image) {
    return List.of(namespace(), deployment(image), metricsService());
  }

  static Document namespace() {
    ObjectNode body = InstallLabels.skeleton("v1", "Namespace", Optional.empty(), InstallLabels.NAMESPACE);
    body.with("metadata").with("labels").put("pod-security.kubernetes.io/enforce", "restricted");
    return new Document("v1", "Namespace", Optional.empty(), InstallLabels.NAMESPACE, body);
  }

  static Document deployment(String image) {
    Optional<String> ns = Optional.of(InstallLabels.NAMESPACE);
    ObjectNode body = InstallLabels.skeleton("apps/v1", "Deployment", ns, InstallLabels.NAME);
    ObjectNode spec = body.putObject("spec");
    spec.put("replicas", 2);
    spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", InstallLabels.NAME);
    ObjectNode template = spec.putObject("template");
    ObjectNode meta = template.putObject("metadata");
    meta.putObject("labels").put("app.kubernetes.io/name", InstallLabels.NAME).put("app.kubernetes.io/part-of", "lattice");
    meta.putObject("annotations").put("prometheus.io/scrape", "true").put("prometheus.io/port", String.valueOf(METRICS_PORT));
    ObjectNode pod = template.putObject("spec");
    pod.put("serviceAccountName", InstallLabels.NAME);
    ObjectNode podSecurity = pod.putObject("securityContext");
    podSecurity.put("runAsNonRoot", true).put("runAsUser", 65532).put("runAsGroup", 65532).put("fsGroup", 65532);
    podSecurity.putObject("seccompProfile").put("type", "RuntimeDefault");
    ObjectNode c = pod.putArray("containers").addObject();
    c.put("name", "controller");
    c.put("image", image);
    c.put("imagePullPolicy", "IfNotPresent");
    c.set("args", Json.strings(List.of("controller")));
    ArrayNode env = c.putArray("env");
    env.addObject().put("name", "LATTICE_LEADER_ELECTION").put("value", "true");
    env.addObject().put("name", "LATTICE_LEASE_NAMESPACE").putObject("valueFrom").putObject("fieldRef")
        .put("fieldPath", "metadata.namespace");
    env.addObject().put("name", "LATTICE_IDENTITY").putObject("valueFrom").putObject("fieldRef")
        .put("fieldPath", "metadata.name");
    env.addObject().put("name", "JAVA_TOOL_OPTIONS").put("value", "-XX:MaxRAMPercentage=75");
    ArrayNode ports = c.putArray("ports");
    ports.addObject().put("name", "metrics").put("containerPort", METRICS_PORT).put("protocol", "TCP");
    ports.addObject().put("name", "health").put("containerPort", HEALTH_PORT).put("protocol", "TCP");
    probe(c.putObject("livenessProbe"), "/healthz", 20);
    probe(c.putObject("readinessProbe"), "/readyz", 5);
    ObjectNode resources = c.putObject("resources");
    resources.putObject("requests").put("cpu", "100m").put("memory", "256Mi");
    resources.putObject("limits").put("memory", "768Mi");
    ObjectNode security = c.putObject("securityContext");
    security.put("allowPrivilegeEscalation", false).put("readOnlyRootFilesystem", true).put("runAsNonRoot", true);
    security.putObject("capabilities").set("drop", Json.strings(List.of("ALL")));
    security.putObject("seccompProfile").put("type", "RuntimeDefault");
    c.putArray("volumeMounts").addObject().put("name", "tmp").put("mountPath", "/tmp");
    pod.putArray("volumes").addObject().put("name", "tmp").putObject("emptyDir");
    return new Document("apps/v1", "Deployment", ns, InstallLabels.NAME, body);
  }

  private static void probe(ObjectNode probe, String path, int period) {
    probe.putObject("httpGet").put("path", path).put("port", "health");
    probe.put("periodSeconds", period);
    probe.put("initialDelaySeconds", 10);
  }

  static Document metricsService() {
    Optional<String> ns = Optional.of(InstallLabels.NAMESPACE);
    String name = InstallLabels.NAME + "-metrics";
    ObjectNode body = InstallLabels.skeleton("v1", "Service", ns, name);
    ObjectNode spec = body.putObject("spec");
    spec.putObject("selector").put("app.kubernetes.io/name", InstallLabels.NAME);
    spec.putArray("ports").addObject().put("name", "metrics").put("port", METRICS_PORT).put("targetPort", "metrics")
        .put("protocol", "TCP");
    return new Document("v1", "Service", ns, name, body);
  }
}

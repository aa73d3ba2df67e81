package dev.lattice.runtime.install;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import java.util.List;
import java.util.Optional;

/**
 * The controller's Namespace, Deployment (two replicas behind a Lease, restricted security
 * context, health probes) and metrics Service, all in {@code lattice-system}. Hosting a cell
 * ({@link CellInstall}) adds the {@code --cell-*} arguments, the gRPC and bootstrap container ports,
 * the PersistentVolumeClaim mounted at {@code --cell-data} and the Service {@code lattice-controller-cell}; the
 * claim is ReadWriteOnce, so the Deployment then runs one replica with the {@code Recreate} strategy
 * (a rolling update would start the new pod while the old one still holds the volume), and the Lease
 * still guarantees that at most one process serves the cell.
 */
public final class ControllerDeployment {
  static final int METRICS_PORT = 8080;
  static final int HEALTH_PORT = 8081;

  private ControllerDeployment() {}

  /** The documents for an image reference such as {@code ghcr.io/example/lattice-controller:0.1.0}. */
  public static List<Document> all(String image) {
    return all(image, Optional.empty());
  }

  /** The documents, hosting {@code cell} when present. */
  public static List<Document> all(String image, Optional<CellInstall> cell) {
    List<Document> out = new java.util.ArrayList<>(List.of(namespace(), deployment(image, cell), metricsService()));
    cell.ifPresent(c -> {
      out.add(cellClaim(c));
      out.add(cellService(c));
    });
    return List.copyOf(out);
  }

  /** The labels of the controller's pods; every Service we install selects a subset of them. */
  static java.util.Map<String, String> podLabels() {
    return java.util.Map.of("app.kubernetes.io/name", InstallLabels.NAME, "app.kubernetes.io/part-of", "lattice");
  }

  static Document namespace() {
    ObjectNode body = InstallLabels.skeleton("v1", "Namespace", Optional.empty(), InstallLabels.NAMESPACE);
    body.with("metadata").with("labels").put("pod-security.kubernetes.io/enforce", "restricted");
    return Document.of("v1", "Namespace", Optional.empty(), InstallLabels.NAMESPACE, body);
  }

  static Document deployment(String image) {
    return deployment(image, Optional.empty());
  }

  static Document deployment(String image, Optional<CellInstall> cell) {
    Optional<String> ns = Optional.of(InstallLabels.NAMESPACE);
    ObjectNode body = InstallLabels.skeleton("apps/v1", "Deployment", ns, InstallLabels.NAME);
    ObjectNode spec = body.putObject("spec");
    spec.put("replicas", cell.isPresent() ? 1 : 2);
    cell.ifPresent(x -> spec.putObject("strategy").put("type", "Recreate"));
    spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", InstallLabels.NAME);
    ObjectNode template = spec.putObject("template");
    ObjectNode meta = template.putObject("metadata");
    ObjectNode podLabels = meta.putObject("labels");
    new java.util.TreeMap<>(podLabels()).forEach(podLabels::put);
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
    c.set("args", Json.strings(args(cell)));
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
    cell.ifPresent(x -> {
      ports.addObject().put("name", "grpc").put("containerPort", x.grpcPort()).put("protocol", "TCP");
      ports.addObject().put("name", "bootstrap").put("containerPort", x.bootstrapPort()).put("protocol", "TCP");
    });
    probe(c.putObject("livenessProbe"), "/healthz", 20);
    probe(c.putObject("readinessProbe"), "/readyz", 5);
    ObjectNode resources = c.putObject("resources");
    resources.putObject("requests").put("cpu", "100m").put("memory", "256Mi");
    resources.putObject("limits").put("memory", "768Mi");
    ObjectNode security = c.putObject("securityContext");
    security.put("allowPrivilegeEscalation", false).put("readOnlyRootFilesystem", true).put("runAsNonRoot", true);
    security.putObject("capabilities").set("drop", Json.strings(List.of("ALL")));
    security.putObject("seccompProfile").put("type", "RuntimeDefault");
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", "tmp").put("mountPath", "/tmp");
    ArrayNode volumes = pod.putArray("volumes");
    volumes.addObject().put("name", "tmp").putObject("emptyDir");
    cell.ifPresent(x -> {
      mounts.addObject().put("name", "cell-data").put("mountPath", CellInstall.DATA_PATH);
      volumes.addObject().put("name", "cell-data").putObject("persistentVolumeClaim").put("claimName", CELL_CLAIM);
    });
    return Document.of("apps/v1", "Deployment", ns, InstallLabels.NAME, body);
  }

  /**
   * {@code controller}, and for a cell the {@code --cell-*} options: listen on every address (the
   * Service routes to the pod IP), keep the data on the claim, and name the Service's in-cluster DNS
   * names in the server certificates ({@code --cell-hosts}).
   */
  static List<String> args(Optional<CellInstall> cell) {
    List<String> args = new java.util.ArrayList<>(List.of("controller"));
    cell.ifPresent(c -> {
      args.addAll(List.of("--cell-grpc", "0.0.0.0:" + c.grpcPort(), "--cell-bootstrap", "0.0.0.0:" + c.bootstrapPort(),
          "--cell-data", CellInstall.DATA_PATH, "--cell-cluster", c.cluster()));
      String svc = CELL_SERVICE + "." + InstallLabels.NAMESPACE;
      args.addAll(List.of("--cell-hosts", String.join(",", CELL_SERVICE, svc, svc + ".svc", svc + ".svc.cluster.local")));
    });
    return args;
  }

  static final String CELL_SERVICE = InstallLabels.NAME + "-cell";
  static final String CELL_CLAIM = InstallLabels.NAME + "-cell-data";

  /** The cell's data: ReadWriteOnce (every storage class offers it), {@code storage} requested. */
  static Document cellClaim(CellInstall cell) {
    Optional<String> ns = Optional.of(InstallLabels.NAMESPACE);
    ObjectNode body = InstallLabels.skeleton("v1", "PersistentVolumeClaim", ns, CELL_CLAIM);
    ObjectNode spec = body.putObject("spec");
    spec.set("accessModes", Json.strings(List.of("ReadWriteOnce")));
    spec.putObject("resources").putObject("requests").put("storage", cell.storage());
    cell.storageClass().ifPresent(sc -> spec.put("storageClassName", sc));
    return Document.of("v1", "PersistentVolumeClaim", ns, CELL_CLAIM, body);
  }

  /**
   * The cell's gRPC and bootstrap ports, reachable before the cell's own LatticeCluster is applied
   * (that one compiles to the {@code lattice-cell} Service of the CAPI emitter, selecting the same pods).
   */
  static Document cellService(CellInstall cell) {
    Optional<String> ns = Optional.of(InstallLabels.NAMESPACE);
    ObjectNode body = InstallLabels.skeleton("v1", "Service", ns, CELL_SERVICE);
    ObjectNode spec = body.putObject("spec");
    spec.putObject("selector").put("app.kubernetes.io/name", InstallLabels.NAME);
    ArrayNode ports = spec.putArray("ports");
    ports.addObject().put("name", "grpc").put("port", cell.grpcPort()).put("targetPort", "grpc").put("protocol", "TCP");
    ports.addObject().put("name", "bootstrap").put("port", cell.bootstrapPort()).put("targetPort", "bootstrap").put("protocol", "TCP");
    spec.put("type", cell.serviceType());
    return Document.of("v1", "Service", ns, CELL_SERVICE, body);
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
    return Document.of("v1", "Service", ns, name, body);
  }
}

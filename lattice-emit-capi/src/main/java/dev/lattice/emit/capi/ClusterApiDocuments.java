package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.NodesSpec;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The core Cluster API documents ({@code cluster.x-k8s.io/v1beta2}): {@code Cluster}, one {@code
 * MachineDeployment} per pool, and {@code MachineHealthCheck}s for the pools and the control plane.
 * Autoscaled pools carry the cluster-autoscaler node-group annotations and no {@code replicas}, so the
 * autoscaler owns the count.
 */
final class ClusterApiDocuments {
  static final String API = "cluster.x-k8s.io/v1beta2";
  static final String DEPLOYMENT_LABEL = "cluster.x-k8s.io/deployment-name";
  static final String CONTROL_PLANE_LABEL = "cluster.x-k8s.io/control-plane";
  static final String MIN_SIZE = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size";
  static final String MAX_SIZE = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size";
  /** Time a new node has to join before it is replaced. */
  static final int WORKER_STARTUP_SECONDS = 600;
  static final int CONTROL_PLANE_STARTUP_SECONDS = 900;
  /** Time a node may be NotReady or Unknown before its machine is replaced. */
  static final int UNHEALTHY_SECONDS = 300;
  /** Remediation stops when more than this share of a pool is unhealthy (likely a wider outage). */
  static final int MAX_UNHEALTHY_PERCENT = 40;

  private ClusterApiDocuments() {}

  static Document cluster(ClusterPlan plan, Ref controlPlane, Ref infrastructure) {
    return Json.document(API, "Cluster", Optional.of(plan.namespace()), plan.name(), plan.labels(), body -> {
      ObjectNode spec = body.putObject("spec");
      spec.set("clusterNetwork", clusterNetwork(plan));
      spec.set("controlPlaneRef", controlPlane.toJson());
      spec.set("infrastructureRef", infrastructure.toJson());
    });
  }

  static Document machineDeployment(ClusterPlan plan, String pool, String version, Ref bootstrap, Ref machines) {
    NodesSpec.WorkerPool p = plan.spec().nodes().workerPools().get(pool);
    String name = Names.pool(plan.name(), pool);
    Map<String, String> annotations = poolAnnotations(p);
    ObjectNode body = Json.skeleton(API, "MachineDeployment", Optional.of(plan.namespace()), name, plan.labels(), annotations);
    ObjectNode spec = body.putObject("spec");
    spec.put("clusterName", plan.name());
    if (!p.autoscaled()) {
      spec.put("replicas", p.replicas().orElse(1));
    }
    Map<String, String> selector = Map.of(ClusterPlan.CLUSTER_NAME_LABEL, plan.name(), DEPLOYMENT_LABEL, name);
    spec.putObject("selector").set("matchLabels", Json.sortedMap(selector));
    ObjectNode template = spec.putObject("template");
    template.putObject("metadata").set("labels", Json.sortedMap(selector));
    ObjectNode ts = template.putObject("spec");
    ts.putObject("bootstrap").set("configRef", bootstrap.toJson());
    ts.put("clusterName", plan.name());
    ts.set("infrastructureRef", machines.toJson());
    ts.put("version", version);
    return Document.of(API, "MachineDeployment", Optional.of(plan.namespace()), name, body);
  }

  static Document poolHealthCheck(ClusterPlan plan, String pool) {
    String name = Names.pool(plan.name(), pool);
    return healthCheck(plan, name, Map.of(DEPLOYMENT_LABEL, name), WORKER_STARTUP_SECONDS, poolSize(plan, pool));
  }

  static Document controlPlaneHealthCheck(ClusterPlan plan) {
    return healthCheck(plan, Names.controlPlane(plan.name()), Map.of(CONTROL_PLANE_LABEL, ""), CONTROL_PLANE_STARTUP_SECONDS,
        plan.spec().nodes().controlPlane().replicas());
  }

  /** The largest size a pool reaches: its replicas, or its autoscaler max (1 when neither is set). */
  static int poolSize(ClusterPlan plan, String pool) {
    NodesSpec.WorkerPool p = plan.spec().nodes().workerPools().get(pool);
    return p == null ? 1 : p.max().or(p::replicas).or(p::min).orElse(1);
  }

  /**
   * How many unhealthy machines still remediate: {@value #MAX_UNHEALTHY_PERCENT}% of the largest size,
   * at least one. CAPI rounds a percentage down (intstr.GetScaledValueFromIntOrPercent with roundUp
   * false in the MachineHealthCheck controller, kubernetes-sigs/cluster-api
   * internal/controllers/machinehealthcheck), so "40%" of one or two machines is 0 and they never
   * remediate; an absolute count does not depend on it.
   */
  static int maxUnhealthy(int size) {
    return Math.max(1, size * MAX_UNHEALTHY_PERCENT / 100);
  }

  private static Document healthCheck(ClusterPlan plan, String name, Map<String, String> selector, int startupSeconds, int size) {
    return Json.document(API, "MachineHealthCheck", Optional.of(plan.namespace()), name, plan.labels(), body -> {
      ObjectNode spec = body.putObject("spec");
      spec.put("clusterName", plan.name());
      spec.putObject("selector").set("matchLabels", Json.sortedMap(selector));
      healthCheckBody(spec, startupSeconds, size);
    });
  }

  /**
   * The {@code checks} and {@code remediation} of a health check, shared by {@code MachineHealthCheck}
   * and the ClusterClass health checks of the topology form.
   */
  static void healthCheckBody(ObjectNode target, int startupSeconds, int size) {
    ObjectNode checks = target.putObject("checks");
    checks.put("nodeStartupTimeoutSeconds", startupSeconds);
    ArrayNode conditions = checks.putArray("unhealthyNodeConditions");
    for (String status : new String[] {"False", "Unknown"}) {
      conditions.addObject().put("type", "Ready").put("status", status).put("timeoutSeconds", UNHEALTHY_SECONDS);
    }
    target.putObject("remediation").putObject("triggerIf").put("unhealthyLessThanOrEqualTo", maxUnhealthy(size));
  }

  /** The annotation that carries a pool's {@code displayName} (for people and UIs; nothing acts on it). */
  static final String DISPLAY_NAME = "lattice.dev/display-name";

  /**
   * The annotations of a pool's MachineDeployment: the autoscaler's ({@code min}/{@code max}, only
   * when autoscaled) and its {@code displayName}.
   */
  static Map<String, String> poolAnnotations(NodesSpec.WorkerPool p) {
    Map<String, String> annotations = new TreeMap<>();
    p.displayName().ifPresent(d -> annotations.put(DISPLAY_NAME, d));
    if (p.autoscaled()) {
      p.min().ifPresent(min -> annotations.put(MIN_SIZE, Integer.toString(min)));
      p.max().ifPresent(max -> annotations.put(MAX_SIZE, Integer.toString(max)));
    }
    return annotations;
  }

  /** The {@code clusterNetwork} of a Cluster. */
  static ObjectNode clusterNetwork(ClusterPlan plan) {
    ObjectNode network = Json.object();
    network.putObject("pods").set("cidrBlocks", Json.strings(plan.podCidrs()));
    plan.spec().networking().flatMap(n -> n.serviceDomain()).ifPresent(d -> network.put("serviceDomain", d));
    network.putObject("services").set("cidrBlocks", Json.strings(plan.serviceCidrs()));
    return network;
  }
}

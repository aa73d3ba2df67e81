package dev.lattice.emit.capi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.NodesSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The topology form of one cluster ({@code --capi-style topology}): the templates — infrastructure
 * cluster template, control-plane template and machine template, and per pool a bootstrap config
 * template and a machine template, all named by content — a {@code ClusterClass} named after the
 * cluster that ties them together (one worker class per pool, health checks, the Cilium toggles as
 * typed variables, and the kube-proxy patch), and a {@code Cluster} whose {@code spec.topology}
 * instantiates the class with the version, replicas (or autoscaler annotations) and variable values.
 * CAPI's topology controller then creates the objects the plain form writes out.
 */
final class TopologyEmission {
  static final String KUBE_PROXY_PATCH = "kube-proxy-replacement";

  private final ClusterPlan plan;
  private final Infrastructure infra;
  private final BootstrapProvider bootstrap;
  private final ClusterEmission objects;

  TopologyEmission(ClusterPlan plan, Infrastructure infra, BootstrapProvider bootstrap) {
    this.plan = plan;
    this.infra = infra;
    this.bootstrap = bootstrap;
    this.objects = new ClusterEmission(plan, infra, bootstrap);
  }

  List<Document> documents() {
    List<Document> out = new ArrayList<>();
    Document infraTemplate = template(infra.apiVersion(), infra.clusterTemplateKind(), plan.name(), infra.clusterSpec(plan));
    Document cpMachines = objects.machineTemplate(MachineRole.controlPlane(plan));
    Document cpTemplate = template(bootstrap.controlPlaneApi(), bootstrap.controlPlaneTemplateKind(),
        Names.controlPlane(plan.name()), controlPlaneTemplateSpec(cpMachines));
    out.add(infraTemplate);
    out.add(cpMachines);
    out.add(cpTemplate);
    ObjectNode classSpec = Json.object();
    ObjectNode cp = classSpec.putObject("controlPlane");
    ClusterApiDocuments.healthCheckBody(cp.putObject("healthCheck"), ClusterApiDocuments.CONTROL_PLANE_STARTUP_SECONDS,
        plan.spec().nodes().controlPlane().replicas());
    cp.putObject("machineInfrastructure").set("templateRef", templateRef(cpMachines));
    cp.set("templateRef", templateRef(cpTemplate));
    classSpec.putObject("infrastructure").set("templateRef", templateRef(infraTemplate));
    classSpec.set("patches", TopologyVariables.patches(bootstrap, plan));
    classSpec.set("variables", TopologyVariables.definitions());
    ArrayNode workers = Json.array();
    for (String pool : pools()) {
      Document machines = objects.machineTemplate(MachineRole.pool(plan, pool));
      Document config = objects.configTemplate(pool);
      out.add(machines);
      out.add(config);
      ObjectNode w = workers.addObject();
      w.putObject("bootstrap").set("templateRef", templateRef(config));
      w.put("class", pool);
      ClusterApiDocuments.healthCheckBody(w.putObject("healthCheck"), ClusterApiDocuments.WORKER_STARTUP_SECONDS,
          ClusterApiDocuments.poolSize(plan, pool));
      w.putObject("infrastructure").set("templateRef", templateRef(machines));
    }
    if (!workers.isEmpty()) {
      classSpec.putObject("workers").set("machineDeployments", workers); // the schema wants at least one class
    }
    out.add(Json.document(ClusterApiDocuments.API, "ClusterClass", Optional.of(plan.namespace()), plan.name(), plan.labels(),
        body -> body.set("spec", classSpec)));
    out.add(cluster());
    return out;
  }

  /** The control-plane spec without what the topology sets (replicas, version, machines) and without the kube-proxy patch. */
  private ObjectNode controlPlaneTemplateSpec(Document cpMachines) {
    ObjectNode spec = bootstrap.controlPlaneSpec(plan, infra, Ref.to(cpMachines));
    spec.remove(List.of("replicas", "version", "machineTemplate"));
    JsonPointer at = JsonPointer.compile(bootstrap.kubeProxyPatch(plan).path());
    if (spec.at(at.head()) instanceof ObjectNode parent) {
      parent.remove(at.last().getMatchingProperty());
    }
    bootstrap.afterKubeProxyRemoved(plan, spec);
    return spec;
  }

  private Document cluster() {
    ObjectNode body = Json.skeleton(ClusterApiDocuments.API, "Cluster", Optional.of(plan.namespace()), plan.name(), plan.labels(),
        Map.of());
    ObjectNode spec = body.putObject("spec");
    spec.set("clusterNetwork", ClusterApiDocuments.clusterNetwork(plan));
    ObjectNode topology = spec.putObject("topology");
    topology.putObject("classRef").put("name", plan.name());
    topology.putObject("controlPlane").put("replicas", plan.spec().nodes().controlPlane().replicas());
    topology.set("variables", TopologyVariables.values(plan.cilium()));
    topology.put("version", bootstrap.version(plan));
    ArrayNode mds = Json.array();
    for (String pool : pools()) {
      NodesSpec.WorkerPool p = plan.spec().nodes().workerPools().get(pool);
      ObjectNode md = mds.addObject();
      md.put("class", pool);
      Map<String, String> annotations = ClusterApiDocuments.poolAnnotations(p);
      if (!annotations.isEmpty()) {
        md.putObject("metadata").set("annotations", Json.sortedMap(annotations));
      }
      md.put("name", pool);
      if (!p.autoscaled()) {
        md.put("replicas", p.replicas().orElse(1));
      }
    }
    if (!mds.isEmpty()) {
      topology.putObject("workers").set("machineDeployments", mds);
    }
    return Document.of(ClusterApiDocuments.API, "Cluster", Optional.of(plan.namespace()), plan.name(), body);
  }

  private Document template(String apiVersion, String kind, String base, ObjectNode templateSpec) {
    ObjectNode spec = Json.object();
    spec.putObject("template").set("spec", templateSpec);
    return Json.document(apiVersion, kind, Optional.of(plan.namespace()), Names.template(base, spec), plan.labels(),
        body -> body.set("spec", spec));
  }

  private static ObjectNode templateRef(Document d) {
    ObjectNode ref = Json.object();
    ref.put("apiVersion", d.apiVersion());
    ref.put("kind", d.kind());
    ref.put("name", d.name());
    return ref;
  }

  private TreeSet<String> pools() {
    return new TreeSet<>(plan.spec().nodes().workerPools().keySet());
  }
}

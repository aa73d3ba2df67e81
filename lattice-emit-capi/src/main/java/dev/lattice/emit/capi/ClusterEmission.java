package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The documents of one cluster, for a chosen infrastructure and bootstrap provider: the
 * infrastructure cluster, the control plane and its machine template, the {@code Cluster}, and per
 * pool a machine template, a bootstrap config template, a {@code MachineDeployment} and a {@code
 * MachineHealthCheck}; all in {@code capi-<cluster>}. Templates are named by content ({@link
 * Names#template}).
 */
final class ClusterEmission {
  private final ClusterPlan plan;
  private final Infrastructure infra;
  private final BootstrapProvider bootstrap;

  ClusterEmission(ClusterPlan plan, Infrastructure infra, BootstrapProvider bootstrap) {
    this.plan = plan;
    this.infra = infra;
    this.bootstrap = bootstrap;
  }

  List<Document> documents() {
    List<Document> out = new ArrayList<>();
    Document infraCluster = Json.document(infra.apiVersion(), infra.clusterKind(), Optional.of(plan.namespace()),
        plan.name(), plan.labels(), body -> body.set("spec", infra.clusterSpec(plan)));
    out.add(infraCluster);

    Document cpMachines = machineTemplate(MachineRole.controlPlane(plan));
    out.add(cpMachines);
    Document controlPlane = Json.document(bootstrap.controlPlaneApi(), bootstrap.controlPlaneKind(),
        Optional.of(plan.namespace()), Names.controlPlane(plan.name()), plan.labels(),
        body -> body.set("spec", bootstrap.controlPlaneSpec(plan, infra, Ref.to(cpMachines))));
    out.add(controlPlane);
    out.add(ClusterApiDocuments.cluster(plan, Ref.to(controlPlane), Ref.to(infraCluster)));
    out.add(ClusterApiDocuments.controlPlaneHealthCheck(plan));

    for (String pool : new TreeSet<>(plan.spec().nodes().workerPools().keySet())) {
      Document machines = machineTemplate(MachineRole.pool(plan, pool));
      Document config = configTemplate(pool);
      out.add(machines);
      out.add(config);
      out.add(ClusterApiDocuments.machineDeployment(plan, pool, bootstrap.version(plan), Ref.to(config), Ref.to(machines)));
      out.add(ClusterApiDocuments.poolHealthCheck(plan, pool));
    }
    return out;
  }

  /** A pool's bootstrap config template, named by content. */
  Document configTemplate(String pool) {
    ObjectNode configSpec = Json.object();
    configSpec.putObject("template").set("spec", bootstrap.workerConfigSpec(plan, infra, pool));
    return Json.document(bootstrap.bootstrapApi(), bootstrap.configTemplateKind(),
        Optional.of(plan.namespace()), Names.template(Names.pool(plan.name(), pool), configSpec), plan.labels(),
        body -> body.set("spec", configSpec));
  }

  /** The machine template of a role, named by content. */
  Document machineTemplate(MachineRole role) {
    ObjectNode spec = Json.object();
    spec.putObject("template").set("spec", infra.machineSpec(plan, role));
    return Json.document(infra.apiVersion(), infra.machineTemplateKind(), Optional.of(plan.namespace()),
        Names.template(role.baseName(), spec), plan.labels(), body -> body.set("spec", spec));
  }
}

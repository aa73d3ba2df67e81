package dev.lattice.emit.capi;

import dev.lattice.model.cluster.InstanceType;
import dev.lattice.model.cluster.NodesSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One kind of machine of a cluster: the control plane or a worker pool, with its size, boot disk
 * and the JSON path of its declaration (for diagnostics).
 *
 * @param name {@code control-plane} or the pool name
 * @param baseName the stable name of its documents ({@code <cluster>-control-plane}, {@code <cluster>-pool-<pool>})
 */
record MachineRole(
    String name,
    String baseName,
    boolean controlPlane,
    Optional<InstanceType> instanceType,
    Optional<NodesSpec.RootVolume> rootVolume,
    String path) {

  static MachineRole controlPlane(ClusterPlan plan) {
    NodesSpec.ControlPlane cp = plan.spec().nodes().controlPlane();
    return new MachineRole("control-plane", Names.controlPlane(plan.name()), true, cp.instanceType(), cp.rootVolume(),
        "spec.nodes.controlPlane");
  }

  static MachineRole pool(ClusterPlan plan, String pool) {
    NodesSpec.WorkerPool p = plan.spec().nodes().workerPools().get(pool);
    return new MachineRole(pool, Names.pool(plan.name(), pool), false, p.instanceType(), p.rootVolume(),
        "spec.nodes.workerPools." + pool);
  }

  /** The control plane, then the pools in name order. */
  static List<MachineRole> all(ClusterPlan plan) {
    List<MachineRole> out = new ArrayList<>();
    out.add(controlPlane(plan));
    new TreeSet<>(plan.spec().nodes().workerPools().keySet()).forEach(p -> out.add(pool(plan, p)));
    return out;
  }

  /** The instance type name, when the role has a named type. */
  Optional<String> typeName() {
    return instanceType.flatMap(InstanceType::name);
  }
}

package dev.lattice.model.inference;

import dev.lattice.model.base.Values;
import dev.lattice.model.service.WorkloadSpec;
import java.util.Optional;

/**
 * One role of a model: {@code replicas} serving groups' worth of the role, each one entry pod
 * ({@code entryWorkload}, which takes the requests) and {@code workerReplicas} worker pods ({@code
 * workerWorkload}, for a model split across nodes); their pull secrets; and autoscaling of the
 * role's replicas. Absent values come from the model's {@code defaults}.
 */
public record ModelRoleSpec(
    Optional<Integer> replicas,
    Optional<WorkloadSpec> entryWorkload,
    Optional<ModelRuntime> entryRuntime,
    Optional<Integer> workerReplicas,
    Optional<WorkloadSpec> workerWorkload,
    Optional<ModelRuntime> workerRuntime,
    Optional<ModelAutoscaling> autoscaling) {

  public ModelRoleSpec {
    replicas = Values.opt(replicas);
    entryWorkload = Values.opt(entryWorkload);
    entryRuntime = Values.opt(entryRuntime);
    workerReplicas = Values.opt(workerReplicas);
    workerWorkload = Values.opt(workerWorkload);
    workerRuntime = Values.opt(workerRuntime);
    autoscaling = Values.opt(autoscaling);
  }
}

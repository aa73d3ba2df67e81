package dev.lattice.model.job;

import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import dev.lattice.model.service.WorkloadSpec;
import java.util.List;
import java.util.Optional;

/**
 * One task of a job: {@code replicas} pods (default 1) running {@code workload} (containers,
 * service ports, resources, as a service's), their restart policy and Volcano lifecycle policies.
 * Absent values come from the job's {@code defaults}.
 */
public record JobTaskSpec(
    Optional<Integer> replicas,
    Optional<WorkloadSpec> workload,
    List<String> imagePullSecrets,
    Optional<RestartPolicy> restartPolicy,
    List<LifecyclePolicy> policies) {

  public JobTaskSpec {
    replicas = Values.opt(replicas);
    workload = Values.opt(workload);
    imagePullSecrets = Values.list(imagePullSecrets);
    restartPolicy = Values.opt(restartPolicy);
    policies = Values.list(policies);
  }

  /** A pod's restart policy; a job's pods never use {@code Always}. */
  public enum RestartPolicy implements WireEnum {
    NEVER("Never"),
    ON_FAILURE("OnFailure");

    private final String wire;

    RestartPolicy(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}

package dev.lattice.model.job;

import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a job declares: its tasks (each a workload and a replica count), the gang size ({@code
 * minAvailable}, default every replica of every task), the Volcano queue and scheduler, retries,
 * a cron {@code schedule} (a Volcano CronJob instead of a Job) and, for distributed training, the
 * framework. {@code defaults} is a task that every task starts from.
 */
public record LatticeJobSpec(
    Map<String, JobTaskSpec> tasks,
    Optional<JobTaskSpec> defaults,
    Optional<Integer> minAvailable,
    Optional<String> queue,
    Optional<String> schedulerName,
    Optional<Integer> maxRetry,
    Optional<String> priorityClassName,
    Optional<Integer> ttlSecondsAfterFinished,
    List<LifecyclePolicy> policies,
    Optional<String> schedule,
    Optional<ConcurrencyPolicy> concurrencyPolicy,
    Optional<Integer> successfulJobsHistoryLimit,
    Optional<Integer> failedJobsHistoryLimit,
    Optional<TrainingSpec> training,
    Optional<dev.lattice.model.service.TopologySpec> topology) {

  /** Volcano's scheduler, the default of {@code schedulerName}. */
  public static final String VOLCANO = "volcano";

  public LatticeJobSpec {
    tasks = Values.map(tasks);
    defaults = Values.opt(defaults);
    minAvailable = Values.opt(minAvailable);
    queue = Values.opt(queue);
    schedulerName = Values.opt(schedulerName);
    maxRetry = Values.opt(maxRetry);
    priorityClassName = Values.opt(priorityClassName);
    ttlSecondsAfterFinished = Values.opt(ttlSecondsAfterFinished);
    policies = Values.list(policies);
    schedule = Values.opt(schedule);
    concurrencyPolicy = Values.opt(concurrencyPolicy);
    successfulJobsHistoryLimit = Values.opt(successfulJobsHistoryLimit);
    failedJobsHistoryLimit = Values.opt(failedJobsHistoryLimit);
    training = Values.opt(training);
    topology = Values.opt(topology);
  }

  /** Every replica of every task, after {@code defaults}: the default gang size. */
  public int totalReplicas() {
    return tasks.keySet().stream().mapToInt(this::replicasOf).sum();
  }

  /** The replicas of task {@code name}: its own, else the default, else 1. */
  public int replicasOf(String name) {
    return tasks.get(name).replicas().or(() -> defaults.flatMap(JobTaskSpec::replicas)).orElse(1);
  }

  /** The restart policy of task {@code name}: its own, else the default, else {@code Never}. */
  public JobTaskSpec.RestartPolicy restartPolicyOf(String name) {
    return tasks.get(name).restartPolicy().or(() -> defaults.flatMap(JobTaskSpec::restartPolicy))
        .orElse(JobTaskSpec.RestartPolicy.NEVER);
  }

  /** The lifecycle policies of task {@code name}: its own when it has any, else the default task's. */
  public List<LifecyclePolicy> policiesOf(String name) {
    List<LifecyclePolicy> own = tasks.get(name).policies();
    return !own.isEmpty() ? own : defaults.map(JobTaskSpec::policies).orElse(List.of());
  }

  /** What a scheduled job does when the previous run is still going, as Kubernetes CronJobs. */
  public enum ConcurrencyPolicy implements WireEnum {
    ALLOW("Allow"),
    FORBID("Forbid"),
    REPLACE("Replace");

    private final String wire;

    ConcurrencyPolicy(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}

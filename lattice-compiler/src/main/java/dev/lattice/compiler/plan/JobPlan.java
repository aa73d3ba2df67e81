package dev.lattice.compiler.plan;

import dev.lattice.model.LatticeJob;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.job.JobTaskSpec;
import dev.lattice.model.job.LifecyclePolicy;
import java.util.List;

/**
 * A {@code LatticeJob} Lattice runs: its tasks, each a workload of the plan (addressed {@code
 * <job>-<task>}) with the replicas, restart policy and lifecycle policies it takes after the job's
 * {@code defaults}.
 */
public record JobPlan(ObjectRef ref, LatticeJob job, SourcedObject source, List<Task> tasks) {
  public JobPlan {
    tasks = List.copyOf(tasks);
  }

  /** One task: its name in the job, the address of its workload, and how Volcano runs it. */
  public record Task(String name, ObjectRef workload, int replicas, JobTaskSpec.RestartPolicy restartPolicy,
      List<LifecyclePolicy> policies) {
    public Task {
      policies = List.copyOf(policies);
    }
  }

  /** Every replica of every task: the gang size when {@code minAvailable} is not given. */
  public int totalReplicas() {
    return tasks.stream().mapToInt(Task::replicas).sum();
  }

  /** Whether this is distributed training (its ranks talk to each other on ports chosen at run time). */
  public boolean training() {
    return job.spec().training().isPresent();
  }
}

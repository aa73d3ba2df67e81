package dev.lattice.compiler.stage;

import dev.lattice.compiler.plan.JobPlan;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.LatticeJob;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.JobTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The first stage: every {@code LatticeJob} is followed by its tasks, each a service-shaped
 * workload {@code <job>-<task>} ({@link JobTasks}), so that the later stages treat a task as they
 * treat a service — declarations, agreements, placeholders, secrets, quotas and gates alike — and
 * only the emitters tell them apart (a task's pods come from the job, not from a Deployment).
 */
final class JobLowering {
  private JobLowering() {}

  /** {@code objects} with each job's tasks right after the job; the same list when there is no job. */
  static List<SourcedObject> lower(List<SourcedObject> objects) {
    if (objects.stream().noneMatch(o -> o.object() instanceof LatticeJob)) {
      return objects;
    }
    List<SourcedObject> out = new ArrayList<>(objects.size() + 8);
    for (SourcedObject o : objects) {
      out.add(o);
      if (o.object() instanceof LatticeJob) {
        JobTasks.of(o).forEach(t -> out.add(t.workload()));
      }
    }
    return out;
  }

  /** The plans of the indexed jobs whose every task has a workload plan. */
  static SortedMap<ObjectRef, JobPlan> plans(Map<ObjectRef, SourcedObject> jobs, Map<ObjectRef, WorkloadPlan> workloads) {
    SortedMap<ObjectRef, JobPlan> out = new TreeMap<>();
    jobs.forEach((ref, source) -> {
      LatticeJob job = (LatticeJob) source.object();
      List<JobPlan.Task> tasks = new ArrayList<>();
      job.spec().tasks().keySet().forEach(name -> tasks.add(new JobPlan.Task(name,
          ObjectRef.of(ref.namespace(), JobTasks.workloadName(ref.name(), name)), job.spec().replicasOf(name),
          job.spec().restartPolicyOf(name), job.spec().policiesOf(name))));
      if (!tasks.isEmpty() && tasks.stream().allMatch(t -> workloads.containsKey(t.workload()))) {
        out.put(ref, new JobPlan(ref, job, source, tasks));
      }
    });
    return out;
  }
}

package dev.lattice.model;

import dev.lattice.model.job.JobTaskSpec;
import dev.lattice.model.service.LatticeServiceSpec;
import dev.lattice.model.service.ResourceSpec;
import dev.lattice.model.service.WorkloadSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers a job to one service-shaped workload per task, named {@code <job>-<task>}: the job's
 * {@code defaults} under the task's own values, so every rule a service obeys (validation,
 * placeholders, secrets, quotas, gates, policy) applies to a task unchanged. Positions and paths of
 * a task's workload point into the job document: at the task's value when it wrote one, else at the
 * default it took.
 */
public final class JobTasks {
  private JobTasks() {}

  /** One task of a job, as a service. */
  public record Task(String job, String task, SourcedObject workload) {
    /** The address of the task's workload: {@code <job>-<task>}. */
    public String name() {
      return workload.object().metadata().name();
    }
  }

  /** The name of a task's workload (its pods' service account and policy selector). */
  public static String workloadName(String job, String task) {
    return job + "-" + task;
  }

  /** The tasks of {@code job}, in the order they were written. */
  public static List<Task> of(SourcedObject job) {
    LatticeJob j = (LatticeJob) job.object();
    List<Task> out = new ArrayList<>();
    j.spec().tasks().forEach((name, task) -> out.add(new Task(j.metadata().name(), name,
        new SourcedObject(service(j, name, task), job.sources().rebased(new TaskPaths(name, j.spec().defaults().isPresent()))))));
    return out;
  }

  private static LatticeService service(LatticeJob job, String name, JobTaskSpec task) {
    Optional<JobTaskSpec> defaults = job.spec().defaults();
    ObjectMeta meta = job.metadata();
    ObjectMeta taskMeta = new ObjectMeta(workloadName(meta.name(), name), meta.namespace(), meta.labels(), Map.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    int replicas = job.spec().replicasOf(name);
    List<String> pullSecrets = !task.imagePullSecrets().isEmpty() ? task.imagePullSecrets()
        : defaults.map(JobTaskSpec::imagePullSecrets).orElse(List.of());
    LatticeServiceSpec spec = new LatticeServiceSpec(replicas, Optional.empty(), Optional.empty(),
        merge(task.workload(), defaults.flatMap(JobTaskSpec::workload)), Map.of(), pullSecrets, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    return new LatticeService(taskMeta, spec, Optional.empty());
  }

  /** A workload over a default one: containers and ports as a whole, resources key by key (tasks and model roles). */
  static WorkloadSpec merge(Optional<WorkloadSpec> own, Optional<WorkloadSpec> fallback) {
    WorkloadSpec empty = new WorkloadSpec(Map.of(), Optional.empty(), Map.of());
    WorkloadSpec mine = own.orElse(empty);
    WorkloadSpec base = fallback.orElse(empty);
    Map<String, ResourceSpec> resources = new LinkedHashMap<>(base.resources());
    resources.putAll(mine.resources());
    return new WorkloadSpec(mine.containers().isEmpty() ? base.containers() : mine.containers(),
        mine.service().or(base::service), resources);
  }

  /**
   * A task's service paths in its job document: {@code spec.x} is {@code spec.tasks.<task>.x} when
   * written there, else {@code spec.defaults.x}; {@code metadata.*} is the job's own.
   */
  record TaskPaths(String task, boolean defaults) implements SourceMap.PathRebase {
    @Override
    public List<String> candidates(String path) {
      String own = PathSyntax.child("spec.tasks", task);
      if (!path.equals("spec") && !path.startsWith("spec.") || path.equals(own) || path.startsWith(own + ".")
          || path.startsWith("spec.defaults.") || path.startsWith("spec.tasks.")) {
        return List.of(path); // outside the task's spec, or already a path of the job document
      }
      String rest = path.substring("spec".length());
      return defaults ? List.of(own + rest, "spec.defaults" + rest) : List.of(own + rest);
    }
  }
}

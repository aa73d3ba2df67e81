package dev.lattice.model.validate;

import dev.lattice.model.LatticeJob;
import dev.lattice.model.LatticeService;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.JobTasks;
import dev.lattice.model.job.LatticeJobSpec;
import dev.lattice.model.job.LifecyclePolicy;
import dev.lattice.model.job.TrainingSpec;
import java.util.List;
import java.util.Set;

/**
 * Single-document checks of a {@code LatticeJob}: the job's own fields (tasks, gang size, schedule,
 * training shape, lifecycle events), then every task as the service it lowers to, with positions
 * and paths in the job document.
 */
final class JobValidator {
  /** Volcano's lifecycle events (the {@code batch.volcano.sh/v1alpha1} Job schema's enum). */
  private static final Set<String> EVENTS = Set.of("*", "PodPending", "PodRunning", "PodFailed", "PodEvicted", "Unknown",
      "TaskCompleted", "OutOfSync", "CommandIssued", "JobUpdated", "TaskFailed");
  /** Kubernetes CronJob macros (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax). */
  private static final Set<String> MACROS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  private final Findings f;
  private final Diagnostics diagnostics;

  JobValidator(Findings f, Diagnostics diagnostics) {
    this.f = f;
    this.diagnostics = diagnostics;
  }

  void validate(SourcedObject sourced) {
    LatticeJob job = (LatticeJob) sourced.object();
    LatticeJobSpec spec = job.spec();
    if (spec.tasks().isEmpty()) {
      f.error(Codes.MISSING_FIELD, "spec.tasks", "a job needs at least one task", "add spec.tasks.main.workload.containers.main.image");
      return;
    }
    spec.tasks().keySet().forEach(name -> taskName(job.metadata().name(), name));
    spec.minAvailable().ifPresent(min -> {
      if (min < 1 || min > spec.totalReplicas()) {
        f.error(Codes.JOB_GANG, "spec.minAvailable", "minAvailable " + min + " must be between 1 and the "
            + spec.totalReplicas() + " replicas of the job's tasks", "leave it out to gang-schedule every replica");
      }
    });
    spec.maxRetry().filter(r -> r < 0).ifPresent(r -> f.error(Codes.INVALID_VALUE, "spec.maxRetry", "maxRetry must not be negative", null));
    schedule(spec);
    spec.topology().ifPresent(t -> ServiceValidator.topology(f, "spec.topology", t));
    spec.training().ifPresent(t -> training(spec, t));
    policies("spec.policies", spec.policies());
    spec.tasks().forEach((name, task) -> policies(Findings.child("spec.tasks", name) + ".policies", task.policies()));
    for (JobTasks.Task task : JobTasks.of(sourced)) {
      new ServiceValidator(new Findings(diagnostics, task.workload().sources())).validate((LatticeService) task.workload().object());
    }
  }

  private void taskName(String job, String task) {
    String path = Findings.child("spec.tasks", task);
    KubernetesNames.serviceName(task).ifPresent(why -> f.errorAtKey(Codes.INVALID_NAME, path, "invalid task name '" + task + "': " + why,
        "a task name is part of its pods' host names (DNS-1035 label), e.g. worker"));
    String workload = JobTasks.workloadName(job, task);
    KubernetesNames.serviceName(workload).ifPresent(why -> f.errorAtKey(Codes.INVALID_NAME, path,
        "the task's workload name '" + workload + "' (job-task) is invalid: " + why, "shorten the job or task name"));
  }

  private void schedule(LatticeJobSpec spec) {
    spec.schedule().ifPresentOrElse(s -> {
      String trimmed = s.trim();
      if (!MACROS.contains(trimmed) && trimmed.split("\\s+").length != 5) {
        f.error(Codes.JOB_SCHEDULE, "spec.schedule", "schedule '" + s + "' is not a cron expression (five fields) or a macro",
            "e.g. \"*/5 * * * *\" or @hourly");
      }
    }, () -> {
      if (spec.concurrencyPolicy().isPresent()) {
        f.warning(Codes.UNCOMPILED_FIELD, "spec.concurrencyPolicy", "concurrencyPolicy applies to a scheduled job only; without spec.schedule it is ignored", null);
      }
      if (spec.successfulJobsHistoryLimit().isPresent() || spec.failedJobsHistoryLimit().isPresent()) {
        f.warning(Codes.UNCOMPILED_FIELD, spec.successfulJobsHistoryLimit().isPresent() ? "spec.successfulJobsHistoryLimit" : "spec.failedJobsHistoryLimit",
            "history limits apply to a scheduled job only; without spec.schedule they are ignored", null);
      }
    });
  }

  private void training(LatticeJobSpec spec, TrainingSpec t) {
    if (t.framework() != TrainingSpec.Framework.PYTORCH) {
      f.error(Codes.UNCOMPILED_FRAMEWORK, "spec.training.framework", "training.framework " + t.framework().wire()
          + " is read but not compiled by this version: no job is emitted (it would start without the framework's environment)",
          "use PyTorch, or leave training out and set the environment in the task's variables");
      return;
    }
    String coordinator = t.coordinatorTask().orElse("master");
    if (!spec.tasks().containsKey(coordinator)) {
      f.error(Codes.TRAINING_SHAPE, t.coordinatorTask().isPresent() ? "spec.training.coordinatorTask" : "spec.training",
          "the coordinator task '" + coordinator + "' is not one of the job's tasks " + spec.tasks().keySet(),
          "set spec.training.coordinatorTask to the task whose first pod is rank 0");
    }
    List<String> workers = spec.tasks().keySet().stream().filter(n -> !n.equals(coordinator)).toList();
    if (workers.size() > 1) {
      f.error(Codes.TRAINING_SHAPE, "spec.tasks", "a PyTorch job has one coordinator and at most one worker task; this one has "
          + workers + " besides '" + coordinator + "'", "merge the worker tasks into one with more replicas");
    }
    t.port().filter(p -> p < 1 || p > 65535).ifPresent(p -> f.error(Codes.INVALID_VALUE, "spec.training.port", "port " + p + " is out of range 1-65535", null));
    t.nccl().keySet().forEach(k -> {
      if (!k.matches("[A-Za-z0-9_]+")) {
        f.errorAtKey(Codes.INVALID_VALUE, Findings.child("spec.training.nccl", k), "NCCL setting '" + k
            + "' is not a variable name (it becomes NCCL_" + k.toUpperCase(java.util.Locale.ROOT) + ")", "use letters, digits and _");
      }
    });
  }

  private void policies(String base, List<LifecyclePolicy> policies) {
    for (int i = 0; i < policies.size(); i++) {
      LifecyclePolicy p = policies.get(i);
      String path = base + "[" + i + "]";
      p.event().filter(e -> !EVENTS.contains(e)).ifPresent(e -> f.error(Codes.INVALID_VALUE, path + ".event",
          "unknown Volcano event '" + e + "'", "one of " + new java.util.TreeSet<>(EVENTS)));
      if (p.action().isEmpty()) {
        f.error(Codes.MISSING_FIELD, path, "a lifecycle policy needs an action", "e.g. action: CompleteJob");
      }
    }
  }
}

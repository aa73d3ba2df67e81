package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.LatticeJob;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Severity;
import dev.lattice.model.job.JobTaskSpec;
import dev.lattice.model.JobTasks;
import org.junit.jupiter.api.Test;

/**
 * {@code LatticeJob}: the job's own rules (LAT1050–LAT1053) and every service rule applied to each
 * task, positioned in the job document at the task's own value, or at the default it took.
 */
class JobDiagnosticsTest extends DiagnosticCases {
  static final String JOB_HEAD = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeJob
      metadata:
        name: train
        namespace: ml
      spec:
      """;

  @Test
  void aValidJobReadsWithDefaultsMergedIntoItsTasks() {
    ReadResult r = read(JOB_HEAD + """
          defaults:
            restartPolicy: OnFailure
            workload:
              containers:
                main: {image: ghcr.io/example/train:1}
          tasks:
            master: {replicas: 1}
            worker:
              replicas: 3
              restartPolicy: Never
        """);
    assertThat(r.diagnostics()).as(render(r)).isEmpty();
    LatticeJob job = (LatticeJob) r.objects().get(0).object();
    assertThat(job.spec().totalReplicas()).isEqualTo(4);
    assertThat(job.spec().restartPolicyOf("master")).isEqualTo(JobTaskSpec.RestartPolicy.ON_FAILURE);
    assertThat(job.spec().restartPolicyOf("worker")).isEqualTo(JobTaskSpec.RestartPolicy.NEVER);
    var tasks = JobTasks.of(r.objects().get(0));
    assertThat(tasks).extracting(JobTasks.Task::name).containsExactly("train-master", "train-worker");
    assertThat(tasks.get(1).workload().object().metadata().namespace()).contains("ml");
    dev.lattice.model.LatticeService worker = (dev.lattice.model.LatticeService) tasks.get(1).workload().object();
    assertThat(worker.spec().replicas()).isEqualTo(3);
    assertThat(worker.spec().workload().containers().get("main").image()).isEqualTo("ghcr.io/example/train:1");
  }

  @Test
  void aTaskErrorIsPositionedAtTheTasksOwnValue() {
    ReadResult r = read(JOB_HEAD + """
          tasks:
            worker:
              workload:
                containers:
                  main:
                    image: ghcr.io/example/train:1
                    resources:
                      requests: {cpu: lots}
        """);
    assertAt(single(r, Codes.BAD_QUANTITY), Severity.ERROR, 14, 31, "spec.tasks.worker.workload.containers.main.resources.requests.cpu");
  }

  @Test
  void aTaskErrorFromTheDefaultsIsPositionedAtTheDefault() {
    ReadResult r = read(JOB_HEAD + """
          defaults:
            workload:
              containers:
                main: {}
          tasks:
            worker: {replicas: 2}
        """);
    Diagnostic d = single(r, Codes.MISSING_FIELD);
    assertThat(d.path()).startsWith("spec.defaults.workload.containers.main");
    assertThat(d.position().line()).isEqualTo(10);
  }

  @Test
  void lat1050GangLargerThanTheJob() {
    ReadResult r = read(JOB_HEAD + """
          minAvailable: 5
          tasks:
            worker:
              replicas: 2
              workload: {containers: {main: {image: x:1}}}
        """);
    assertAt(single(r, Codes.JOB_GANG), Severity.ERROR, 7, 17, "spec.minAvailable");
  }

  @Test
  void lat1051ScheduleThatIsNotCron() {
    ReadResult r = read(JOB_HEAD + """
          schedule: every five minutes
          tasks:
            worker:
              workload: {containers: {main: {image: x:1}}}
        """);
    assertAt(single(r, Codes.JOB_SCHEDULE), Severity.ERROR, 7, 13, "spec.schedule");
  }

  @Test
  void cronOnlyFieldsWithoutAScheduleWarn() {
    ReadResult r = read(JOB_HEAD + """
          concurrencyPolicy: Forbid
          tasks:
            worker:
              workload: {containers: {main: {image: x:1}}}
        """);
    assertAt(single(r, Codes.UNCOMPILED_FIELD), Severity.WARNING, 7, 22, "spec.concurrencyPolicy");
  }

  @Test
  void lat1052CoordinatorThatIsNoTask() {
    ReadResult r = read(JOB_HEAD + """
          training:
            framework: PyTorch
            coordinatorTask: chief
          tasks:
            worker:
              workload: {containers: {main: {image: x:1}}}
        """);
    assertAt(single(r, Codes.TRAINING_SHAPE), Severity.ERROR, 9, 22, "spec.training.coordinatorTask");
  }

  @Test
  void lat1052PyTorchWithTwoWorkerTasks() {
    ReadResult r = read(JOB_HEAD + """
          training: {framework: PyTorch}
          defaults:
            workload: {containers: {main: {image: x:1}}}
          tasks:
            master: {}
            worker: {}
            evaluator: {}
        """);
    assertThat(single(r, Codes.TRAINING_SHAPE).message()).contains("[worker, evaluator]");
  }

  @Test
  void lat1053FrameworkReadButNotCompiled() {
    ReadResult r = read(JOB_HEAD + """
          training: {framework: DeepSpeed}
          defaults:
            workload: {containers: {main: {image: x:1}}}
          tasks:
            master: {}
        """);
    assertAt(single(r, Codes.UNCOMPILED_FRAMEWORK), Severity.ERROR, 7, 25, "spec.training.framework");
  }

  @Test
  void aTaskNameMustBeADnsLabel() {
    ReadResult r = read(JOB_HEAD + """
          tasks:
            Worker_1:
              workload: {containers: {main: {image: x:1}}}
        """);
    // the task name and the workload name it makes (train-Worker_1) are both refused, at the task's key
    var names = r.diagnostics().stream().filter(d -> d.code().equals(Codes.INVALID_NAME)).toList();
    assertThat(names).as(render(r)).hasSize(2);
    names.forEach(d -> assertAt(d, Severity.ERROR, 8, 5, "spec.tasks.Worker_1"));
  }

  @Test
  void aJobNeedsATask() {
    ReadResult r = read(JOB_HEAD + "  tasks: {}\n");
    assertThat(single(r, Codes.MISSING_FIELD).path()).isEqualTo("spec.tasks");
  }
}

package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.testkit.sim.PolicySimulator;
import dev.lattice.testkit.sim.SimulatorOptions;
import dev.lattice.testkit.sim.Verdict;
import dev.lattice.testkit.sim.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Jobs under the bilateral rule, over seeded generated fleets of jobs and services: the policy
 * simulator, run on the emitted Cilium and Istio documents, allows a task's pod to reach another
 * pod of its own job exactly on the peer ports (every port for distributed training, else the
 * tasks' declared ports), and allows every other connection — task to service, service to task,
 * task to another job's task — exactly when both sides agreed, on the callee's ports; at L4 and L7,
 * and {@code explain} gives the same answer.
 */
class JobPolicyPropertyTest {
  private static final int FLEETS = 10;
  private static final String NS = "ml";
  /** A port no one declares: open between the ranks of a training job only. */
  private static final int EPHEMERAL = 41234;

  record Pod(String name, String job, List<Integer> ports) {
    Workload workload() {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("app.kubernetes.io/name", name);
      labels.put("lattice.dev/service", name);
      if (job != null) {
        labels.put("lattice.dev/job", job);
      }
      return new Workload(NS, name, labels, name, true, ports);
    }
  }

  record Job(String name, boolean training, Map<String, List<Integer>> taskPorts) {}

  @Test
  void tasksReachTheirPeersAndEverythingElseOnlyByAgreement() {
    long base = Seeds.base();
    long checked = 0;
    for (int i = 0; i < FLEETS; i++) {
      long seed = Seeds.of(base, i);
      String context = "seed " + seed + " (replay: -Dlattice.seed=" + base + ", fleet " + i + ")";
      Random random = new Random(seed);
      List<Job> jobs = jobs(random);
      List<Pod> pods = new ArrayList<>();
      jobs.forEach(j -> j.taskPorts().forEach((task, ports) -> pods.add(new Pod(j.name() + "-" + task, j.name(), ports))));
      int services = 2 + random.nextInt(3);
      for (int s = 0; s < services; s++) {
        pods.add(new Pod("svc" + s, null, List.of(8000 + s)));
      }
      // each ordered pair of different workloads: nothing, the caller's half, the callee's half, or both
      AgreementYaml.Agreements drawn = AgreementYaml.draw(random, pods, Pod::name, (a, b) -> !b.ports().isEmpty() && (a.job() == null || !a.job().equals(b.job())));
      Map<String, Set<String>> calls = drawn.calls();
      Map<String, Set<String>> accepts = drawn.accepts();
      Set<List<String>> agreed = drawn.agreed();
      Map<String, String> files = render(jobs, services, calls, accepts);
      Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(files));
      assertThat(c.hasErrors()).as(context + "\n" + c.diagnostics().stream().map(Diagnostic::render)
          .collect(Collectors.joining("\n")) + "\n" + files).isFalse();
      List<JsonNode> docs = c.documents().stream().map(Document::json).map(JsonNode.class::cast).toList();
      PolicySimulator sim = PolicySimulator.of(docs, SimulatorOptions.defaults());
      var explainer = new dev.lattice.testkit.explain.Explainer(c, "cluster.local");
      for (Pod a : pods) {
        for (Pod b : pods) {
          Set<Integer> ports = new TreeSet<>(b.ports());
          ports.add(EPHEMERAL);
          for (int port : ports) {
            boolean expected = expected(jobs, agreed, a, b, port);
            String what = context + ": " + a.name() + " -> " + b.name() + ":" + port;
            Verdict l4 = sim.l4(a.workload(), b.workload(), port);
            if (b.ports().contains(port) || sameTrainingJob(jobs, a, b)) {
              // in the ambient mesh L4 sees HBONE (15008), not the target port: only L7 tells ports apart
              assertThat(l4.allowed()).as(what + " at L4: " + l4.reason()).isEqualTo(expected);
            }
            Verdict l7 = sim.l7(a.workload(), b.workload(), port);
            assertThat(l7.allowed()).as(what + " at L7: " + l7.reason()).isEqualTo(expected);
            var why = explainer.explain(dev.lattice.model.base.ObjectRef.of(NS, a.name()), dev.lattice.model.base.ObjectRef.of(NS, b.name()),
                java.util.Optional.of(port));
            assertThat(why.allowed()).as(what + " explained: " + why.reasons()).isEqualTo(expected);
            checked++;
          }
        }
      }
    }
    System.out.println("job policy property: " + FLEETS + " fleets, " + checked + " connections checked at L4 and L7, base seed " + base);
  }

  private static boolean expected(List<Job> jobs, Set<List<String>> agreed, Pod a, Pod b, int port) {
    if (a.job() != null && a.job().equals(b.job())) {
      Job job = jobs.stream().filter(j -> j.name().equals(a.job())).findFirst().orElseThrow();
      return job.training() || job.taskPorts().values().stream().anyMatch(p -> p.contains(port));
    }
    return agreed.contains(List.of(a.name(), b.name())) && b.ports().contains(port);
  }

  private static boolean sameTrainingJob(List<Job> jobs, Pod a, Pod b) {
    return a.job() != null && a.job().equals(b.job())
        && jobs.stream().anyMatch(j -> j.name().equals(a.job()) && j.training());
  }

  private static List<Job> jobs(Random random) {
    List<Job> jobs = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int j = 0; j < count; j++) {
      boolean training = random.nextBoolean();
      Map<String, List<Integer>> tasks = new LinkedHashMap<>();
      List<String> names = training ? List.of("master", "worker") : List.of("driver", "mapper", "reducer");
      int taskCount = training ? 1 + random.nextInt(2) : 1 + random.nextInt(3);
      for (int t = 0; t < taskCount; t++) {
        tasks.put(names.get(t), random.nextInt(3) == 0 ? List.of() : List.of(9000 + j * 10 + t));
      }
      jobs.add(new Job("job" + j, training, tasks));
    }
    return jobs;
  }

  private static Map<String, String> render(List<Job> jobs, int services, Map<String, Set<String>> calls,
      Map<String, Set<String>> accepts) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("policy.yaml", """
        apiVersion: lattice.dev/v1alpha1
        kind: CedarPolicy
        metadata: {name: permit-all, namespace: lattice-system}
        spec:
          policies: |
            permit(principal, action, resource);
        """);
    for (Job job : jobs) {
      StringBuilder y = new StringBuilder("apiVersion: lattice.dev/v1alpha1\nkind: LatticeJob\nmetadata: {name: " + job.name()
          + ", namespace: " + NS + "}\nspec:\n");
      if (job.training()) {
        y.append("  training: {framework: PyTorch}\n");
      }
      y.append("  tasks:\n");
      int replicas = 1;
      for (var task : job.taskPorts().entrySet()) {
        String workload = job.name() + "-" + task.getKey();
        y.append("    ").append(task.getKey()).append(":\n      replicas: ").append(replicas++).append("\n      workload:\n");
        y.append(AgreementYaml.workload(workload, task.getValue(), calls, accepts, "        "));
      }
      files.put(job.name() + ".yaml", y.toString());
    }
    AgreementYaml.services(files, services, NS, calls, accepts);
    return files;
  }
}

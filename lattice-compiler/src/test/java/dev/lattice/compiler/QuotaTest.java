package dev.lattice.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LatticeQuota: demand = requests × max replicas (GPUs too), checked against limits and maxPerWorkload. */
class QuotaTest {
  static String service(String name, String cpu, String memory, int replicas, int max, int gpus) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: %s, namespace: team-a, annotations: {lattice.dev/owner: alice}}
        spec:
          replicas: %d
          autoscaling: {max: %d}
          workload:
            containers: {main: {image: "img:1", resources: {requests: {cpu: "%s", memory: %s}}}}
            resources: %s
        """.formatted(name, replicas, max, cpu, memory, gpus == 0 ? "{}" : "{gpu: {type: gpu, params: {count: " + gpus + "}}}");
  }

  static String quota(String principal, String limits, String perWorkload) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeQuota
        metadata: {name: team-a, namespace: team-a}
        spec:
          principal: %s
          limits: %s
          maxPerWorkload: %s
        """.formatted(principal, limits, perWorkload);
  }

  static List<String> errors(String... docs) {
    return PipelineTest.compile(docs).diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
  }

  @Test
  void withinBudgetCompiles() {
    assertThat(errors(service("a", "500m", "1Gi", 2, 4, 0), service("b", "1", "2Gi", 1, 1, 0),
        quota("{namespaces: [team-a]}", "{cpu: \"3\", memory: 6Gi}", "{}"))).isEmpty();
  }

  @Test
  void overTheTotalIsAnErrorWithTheNumbers() {
    assertThat(errors(service("a", "500m", "1Gi", 2, 4, 0), service("b", "2", "2Gi", 1, 1, 0),
        quota("{namespaces: [team-a]}", "{cpu: \"3\"}", "{}")))
        .singleElement().asString().contains("ask for 4 cpu in total, above its limit of 3").contains("team-a/a");
  }

  @Test
  void perWorkloadMaximumAndGpusAreChecked() {
    assertThat(errors(service("a", "100m", "128Mi", 1, 2, 1), quota("{service: team-a/a}", "{}", "{nvidia.com/gpu: \"1\"}")))
        .singleElement().asString().contains("team-a/a asks for 2 nvidia.com/gpu");
  }

  @Test
  void annotationPrincipalsCoverAnnotatedServicesOnly() {
    assertThat(errors(service("a", "4", "1Gi", 1, 1, 0), quota("{annotation: lattice.dev/owner=bob}", "{cpu: \"1\"}", "{}"))).isEmpty();
    assertThat(errors(service("a", "4", "1Gi", 1, 1, 0), quota("{annotation: lattice.dev/owner=alice}", "{cpu: \"1\"}", "{}"))).hasSize(1);
  }

  @Test
  void memoryIsReportedInMebibytes() {
    assertThat(errors(service("a", "1", "3Gi", 1, 2, 0), quota("{namespaces: [team-a]}", "{memory: 4Gi}", "{}")))
        .singleElement().asString().contains("6144Mi memory");
  }

  @Test
  void aModelsRolesCountAtTheirMostReplicasWorkersIncluded() {
    String model = """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeModel
        metadata: {name: llm, namespace: team-a}
        spec:
          routing: {inferenceEngine: vLLM, model: m, port: 8000}
          roles:
            serving:
              replicas: 1
              entryWorkload:
                containers: {main: {image: "img:1", resources: {requests: {cpu: "1", memory: 1Gi}}}}
                resources: {gpu: {type: gpu, params: {count: 1}}}
              workerReplicas: 2
              workerWorkload:
                containers: {main: {image: "img:1", resources: {requests: {cpu: "1", memory: 1Gi}}}}
                resources: {gpu: {type: gpu, params: {count: 1}}}
              autoscaling: {max: 3, metrics: [{metric: kv, target: 0.8}]}
        """;
    // up to 3 entry pods and 3 × 2 worker pods, one GPU each: 9
    assertThat(errors(model, quota("{namespaces: [team-a]}", "{nvidia.com/gpu: \"8\"}", "{}")))
        .singleElement().asString().contains("9 nvidia.com/gpu");
    assertThat(errors(model, quota("{namespaces: [team-a]}", "{nvidia.com/gpu: \"9\"}", "{}"))).isEmpty();
  }
}

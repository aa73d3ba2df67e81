package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference system's jobs (its e2e fixtures: a batch job, a scheduled job and distributed
 * PyTorch training) read as they are, compile to Volcano documents that pass the upstream schemas,
 * and carry what Volcano needs: gang size, restart policies, the plugins, the peer policies.
 */
class JobCompileTest {
  private static final String PERMIT_ALL = """
      apiVersion: lattice.dev/v1alpha1
      kind: CedarPolicy
      metadata: {name: permit-all, namespace: lattice-system}
      spec:
        policies: |
          permit(principal, action, resource);
      """;

  @Test
  void referenceJobsCompileToSchemaValidVolcanoJobs(@TempDir Path out) throws Exception {
    Path fixtures = ProjectPaths.sharedReference("lattice/crates/lattice-cli/tests/e2e/fixtures/services",
        "JobCompileTest (the reference system's job fixtures)");
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : List.of("batch-job.yaml", "cron-job.yaml", "training-pytorch-distributed.yaml")) {
      files.put(name, Files.readString(fixtures.resolve(name)));
    }
    files.put("policy.yaml", PERMIT_ALL);
    Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(files));
    assertThat(c.hasErrors()).as(ExampleRun.render(c.diagnostics())).isFalse();
    Files.writeString(out.resolve("jobs.yaml"), c.toYaml(), StandardCharsets.UTF_8);
    ConformanceTest.run(out);

    JsonNode batch = body(c, "Job", "data-pipeline");
    assertThat(batch.at("/spec/minAvailable").asInt()).isEqualTo(2);
    assertThat(batch.at("/spec/schedulerName").asText()).isEqualTo("volcano");
    assertThat(batch.at("/spec/queue").asText()).isEqualTo("default");
    assertThat(batch.at("/spec/tasks/1/template/spec/restartPolicy").asText()).isEqualTo("OnFailure");
    assertThat(batch.at("/spec/tasks/0/template/metadata/labels/lattice.dev~1job").asText()).isEqualTo("data-pipeline");
    assertThat(batch.at("/spec/plugins/svc").toString()).contains("--disable-network-policy=true");
    assertThat(batch.at("/spec/plugins/pytorch").isMissingNode()).isTrue();

    JsonNode cron = body(c, "CronJob", "scheduled-pipeline");
    assertThat(cron.at("/spec/schedule").asText()).isEqualTo("*/5 * * * *");
    assertThat(cron.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
    assertThat(cron.at("/spec/jobTemplate/spec/tasks/0/name").asText()).isEqualTo("worker");

    JsonNode training = body(c, "Job", "pytorch-ddp");
    assertThat(training.at("/spec/plugins/pytorch").toString())
        .isEqualTo("[\"--master=master\",\"--worker=worker\",\"--port=23456\"]");
    // the defaults reached both tasks
    assertThat(training.at("/spec/tasks/1/template/spec/containers/0/image").asText()).isEqualTo("ghcr.io/evan-hines-js/pytorch-test:latest");
    // a training job's ranks reach each other on every port, and only its own pods are selected
    JsonNode peers = body(c, "CiliumNetworkPolicy", "job-peers-pytorch-ddp");
    assertThat(peers.at("/spec/endpointSelector/matchLabels/lattice.dev~1job").asText()).isEqualTo("pytorch-ddp");
    assertThat(peers.at("/spec/ingress/0/toPorts").isMissingNode()).isTrue();
    assertThat(body(c, "AuthorizationPolicy", "allow-peers-pytorch-ddp").at("/spec/rules/0/from/0/source/principals").toString())
        .contains("sa/pytorch-ddp-master", "sa/pytorch-ddp-worker");
    // no Deployment for a task: its pods come from the Volcano job
    assertThat(c.documents()).noneMatch(d -> d.kind().equals("Deployment") || d.kind().equals("PodDisruptionBudget"));
  }

  private static JsonNode body(Compilation c, String kind, String name) {
    return c.documents().stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).map(Document::json)
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }
}

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference system's model (its e2e fixture: prefill/decode with an autoscaled, multi-node
 * decode role) reads as it is, compiles to Kthena documents that pass the upstream schemas, and
 * carries what Kthena needs: the roles with their templates and labels, the ModelServer's PD pairing
 * and KV connector, the route, the autoscaling policy on the decode role's metrics port, the cache,
 * and the policies for the router and between prefill and decode.
 */
class ModelCompileTest {
  private static final String PERMIT_ALL = """
      apiVersion: lattice.dev/v1alpha1
      kind: CedarPolicy
      metadata: {name: permit-all, namespace: lattice-system}
      spec:
        policies: |
          permit(principal, action, resource);
      """;

  @Test
  void theReferenceModelCompilesToSchemaValidKthenaDocuments(@TempDir Path out) throws Exception {
    Path fixtures = ProjectPaths.sharedReference("lattice/crates/lattice-cli/tests/e2e/fixtures/services",
        "ModelCompileTest (the reference system's model fixture)");
    Map<String, String> files = new LinkedHashMap<>();
    files.put("model-serving.yaml", Files.readString(fixtures.resolve("model-serving.yaml")));
    files.put("policy.yaml", PERMIT_ALL);
    Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(files));
    assertThat(c.hasErrors()).as(ExampleRun.render(c.diagnostics())).isFalse();
    Files.writeString(out.resolve("model.yaml"), c.toYaml(), StandardCharsets.UTF_8);
    ConformanceTest.run(out);

    JsonNode serving = body(c, "ModelServing", "llm-serving");
    assertThat(serving.at("/spec/schedulerName").asText()).isEqualTo("volcano");
    assertThat(serving.at("/spec/recoveryPolicy").asText()).isEqualTo("ServingGroupRecreate");
    assertThat(serving.at("/spec/template/restartGracePeriodSeconds").asInt()).isEqualTo(30);
    JsonNode prefill = serving.at("/spec/template/roles/0");
    JsonNode decode = serving.at("/spec/template/roles/1");
    assertThat(prefill.at("/name").asText()).isEqualTo("prefill");
    assertThat(prefill.at("/replicas").asInt()).isEqualTo(1);
    assertThat(prefill.at("/entryTemplate/metadata/labels/lattice.dev~1service").asText()).isEqualTo("llm-serving-prefill");
    assertThat(prefill.at("/entryTemplate/spec/serviceAccountName").asText()).isEqualTo("llm-serving-prefill");
    assertThat(prefill.at("/entryTemplate/spec/schedulerName").isMissingNode()).as("Kthena writes the ModelServing's").isTrue();
    // the decode role is autoscaled: its replicas belong to the autoscaler
    assertThat(decode.at("/replicas").isMissingNode()).isTrue();
    assertThat(decode.at("/workerReplicas").asInt()).isEqualTo(1);
    assertThat(decode.at("/workerTemplate/metadata/labels/lattice.dev~1service").asText()).isEqualTo("llm-serving-decode-worker");
    assertThat(decode.at("/workerTemplate/metadata/labels/lattice.dev~1model-entry").isMissingNode()).isTrue();
    assertThat(decode.at("/entryTemplate/spec/containers").size()).as("main and the metrics sidecar").isEqualTo(2);
    // the model cache of cacheSize, filled by the downloader before the engine starts
    assertThat(body(c, "PersistentVolumeClaim", "llm-serving-model-cache").at("/spec/resources/requests/storage").asText()).isEqualTo("1Gi");
    assertThat(prefill.at("/entryTemplate/spec/initContainers/0/args").toString())
        .isEqualTo("[\"--source\",\"hf://hf-internal-testing/tiny-random-LlamaForCausalLM\",\"--output-dir\",\"/models\"]");

    JsonNode server = body(c, "ModelServer", "llm-serving");
    assertThat(server.at("/spec/inferenceEngine").asText()).isEqualTo("vLLM");
    assertThat(server.at("/spec/workloadPort/port").asInt()).isEqualTo(8000);
    assertThat(server.at("/spec/kvConnector/type").asText()).isEqualTo("nixl");
    assertThat(server.at("/spec/workloadSelector/pdGroup/groupKey").asText()).isEqualTo("modelserving.volcano.sh/group-name");
    assertThat(server.at("/spec/trafficPolicy/retry/attempts").asInt()).isEqualTo(3);
    JsonNode route = body(c, "ModelRoute", "llm-serving-default");
    assertThat(route.at("/spec/modelName").asText()).isEqualTo("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B");
    assertThat(route.at("/spec/rules/0/targetModels/0/modelServerName").asText()).isEqualTo("llm-serving");

    JsonNode scaling = body(c, "AutoscalingPolicy", "llm-serving-decode");
    assertThat(scaling.at("/spec/disaggregatedTarget/roles/decode/maxReplicas").asInt()).isEqualTo(8);
    assertThat(scaling.at("/spec/disaggregatedTarget/roles/decode/metricSources/gpu_kv_cache_usage/pod/port").asInt())
        .as("the decode role's port named metrics").isEqualTo(9090);
    assertThat(scaling.at("/spec/metrics/0/targetValue").asText()).isEqualTo("0.8");

    // prefill and decode (and the decode workers: every port) reach each other; the router and the autoscaler are admitted
    JsonNode peers = body(c, "AuthorizationPolicy", "allow-peers-llm-serving");
    assertThat(peers.at("/spec/rules/0/from/0/source/principals").toString())
        .contains("sa/llm-serving-prefill", "sa/llm-serving-decode", "sa/llm-serving-decode-worker");
    JsonNode kthena = body(c, "AuthorizationPolicy", "allow-kthena-llm-serving");
    assertThat(kthena.at("/spec/rules/0/from/0/source/principals/0").asText()).isEqualTo("cluster.local/ns/kthena-system/sa/kthena-router");
    assertThat(kthena.at("/spec/rules/0/to/0/operation/ports").toString()).isEqualTo("[\"8000\"]");
    assertThat(kthena.at("/spec/rules/1/to/0/operation/ports").toString()).isEqualTo("[\"9090\"]");
    // no Deployment for a role: its pods come from the ModelServing
    assertThat(c.documents()).noneMatch(d -> d.kind().equals("Deployment") || d.kind().equals("PodDisruptionBudget"));
  }

  private static JsonNode body(Compilation c, String kind, String name) {
    return c.documents().stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).map(Document::json)
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }
}

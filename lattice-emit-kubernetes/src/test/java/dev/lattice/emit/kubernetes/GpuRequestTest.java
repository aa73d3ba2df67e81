package dev.lattice.emit.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A {@code type: gpu} resource as the device plugin and HAMi read it: whole GPUs on one container,
 * a share of a GPU and a GPU type only on HAMi's nodes, and the GPU pools' taint tolerated.
 */
class GpuRequestTest {
  private static final String POLICY = "apiVersion: lattice.dev/v1alpha1\nkind: CedarPolicy\nmetadata: {name: p, namespace: ns}\n"
      + "spec:\n  policies: 'permit(principal, action, resource);'\n";

  private static Compilation compile(String params) {
    String yaml = """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: infer, namespace: ns}
        spec:
          workload:
            containers:
              b-main: {image: "img:1", command: [/app]}
              a-main: {image: "img:1", command: [/app]}
            resources:
              gpu: {type: gpu, params: %s}
        """.formatted(params);
    return LatticeCompiler.builder().emitters(new KubernetesEmitter()).build()
        .compile(Sources.fromStrings(Map.of("infer.yaml", yaml, "p.yaml", POLICY)));
  }

  private static JsonNode pod(Compilation c) {
    assertThat(c.hasErrors()).as(c.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"))).isFalse();
    return c.documents().stream().filter(d -> d.kind().equals("Deployment")).map(Document::json).findFirst().orElseThrow()
        .at("/spec/template");
  }

  @Test
  void wholeGpusGoOnTheFirstMainContainerAndTolerateTheGpuTaint() {
    JsonNode pod = pod(compile("{count: 2}"));
    assertThat(pod.at("/spec/containers/0/name").asText()).isEqualTo("a-main");
    assertThat(pod.at("/spec/containers/0/resources/limits/nvidia.com~1gpu").asText()).isEqualTo("2");
    assertThat(pod.at("/spec/containers/1/resources/limits/nvidia.com~1gpu").isMissingNode()).as("one request per pod").isTrue();
    assertThat(pod.at("/spec/tolerations/0/key").asText()).isEqualTo("nvidia.com/gpu");
    assertThat(pod.at("/spec/nodeSelector").isMissingNode()).as("whole GPUs run on any GPU node").isTrue();
  }

  @Test
  void aShareOfAGpuAndAModelNeedHamiNodes() {
    JsonNode pod = pod(compile("{memory: 10Gi, compute: 30, model: A100}"));
    JsonNode limits = pod.at("/spec/containers/0/resources/limits");
    assertThat(limits.path("nvidia.com/gpu").asText()).isEqualTo("1");
    assertThat(limits.path("nvidia.com/gpumem").asText()).isEqualTo("10240");
    assertThat(limits.path("nvidia.com/gpucores").asText()).isEqualTo("30");
    assertThat(pod.at("/metadata/annotations/nvidia.com~1use-gputype").asText()).isEqualTo("A100");
    assertThat(pod.at("/spec/nodeSelector/gpu").asText()).isEqualTo("on");
  }

  @Test
  void tolerationsCanBeTurnedOff() {
    assertThat(pod(compile("{count: 1, tolerations: false}")).at("/spec/tolerations").isMissingNode()).isTrue();
  }

  @Test
  void badParamsAreErrorsNotDropped() {
    Compilation c = compile("{count: 0, compute: 150, memory: lots, coutn: 2}");
    assertThat(c.diagnostics()).extracting(Diagnostic::code).contains("LAT1013", "LAT1023", "LAT1010");
    assertThat(c.documents()).isEmpty();
  }
}

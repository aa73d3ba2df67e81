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

/** {@code topology}: a service's pods join a Volcano PodGroup; a job carries it on the Volcano Job. */
class TopologyTest {
  private static final String POLICY = "apiVersion: lattice.dev/v1alpha1\nkind: CedarPolicy\nmetadata: {name: p, namespace: ns}\n"
      + "spec:\n  policies: 'permit(principal, action, resource);'\n";

  private static Compilation compile(String yaml) {
    Compilation c = LatticeCompiler.builder().emitters(new KubernetesEmitter()).build()
        .compile(Sources.fromStrings(Map.of("w.yaml", yaml, "p.yaml", POLICY)));
    assertThat(c.hasErrors()).as(c.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"))).isFalse();
    return c;
  }

  private static JsonNode doc(Compilation c, String kind) {
    return c.documents().stream().filter(d -> d.kind().equals(kind)).map(Document::json).findFirst().orElseThrow();
  }

  @Test
  void aServicesPodsJoinItsPodGroupScheduledByVolcano() {
    Compilation c = compile("""
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: infer, namespace: ns}
        spec:
          replicas: 4
          topology: {mode: soft, maxTier: 2}
          workload:
            containers:
              main: {image: "img:1", command: [/app]}
        """);
    JsonNode group = doc(c, "PodGroup");
    assertThat(group.at("/metadata/name").asText()).isEqualTo("infer");
    assertThat(group.at("/spec/minMember").asInt()).isEqualTo(4);
    assertThat(group.at("/spec/networkTopology/mode").asText()).isEqualTo("soft");
    assertThat(group.at("/spec/networkTopology/highestTierAllowed").asInt()).isEqualTo(2);
    JsonNode pod = doc(c, "Deployment").at("/spec/template");
    assertThat(pod.at("/metadata/annotations/scheduling.k8s.io~1group-name").asText()).isEqualTo("infer");
    assertThat(pod.at("/spec/schedulerName").asText()).isEqualTo("volcano");
  }

  @Test
  void aJobCarriesItsTopologyOnTheVolcanoJob() {
    Compilation c = compile("""
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeJob
        metadata: {name: train, namespace: ns}
        spec:
          topology: {tierName: rack}
          tasks:
            worker:
              replicas: 2
              workload: {containers: {main: {image: "img:1", command: [/app]}}}
        """);
    JsonNode job = doc(c, "Job");
    assertThat(job.at("/spec/networkTopology/highestTierName").asText()).isEqualTo("rack");
    assertThat(job.at("/spec/networkTopology/mode").asText()).isEqualTo("hard");
    assertThat(c.documents()).noneMatch(d -> d.kind().equals("PodGroup")); // Volcano makes the job's own
  }
}

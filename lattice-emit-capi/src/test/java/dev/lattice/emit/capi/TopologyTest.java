package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyTest {

  @Test
  void kubeadmTopologyIsAClusterClassWithTemplatesAndAClusterThatUsesIt() {
    List<Document> docs = Fixtures.topology(Fixtures.docker("kubeadm"));
    Set<String> kinds = docs.stream().map(Document::kind).collect(Collectors.toSet());
    assertThat(kinds).containsExactlyInAnyOrder("Namespace", "Cluster", "ClusterClass", "DockerClusterTemplate",
        "DockerMachineTemplate", "KubeadmControlPlaneTemplate", "KubeadmConfigTemplate", "ClusterResourceSet", "ConfigMap",
        "Service");
    JsonNode cluster = Docs.one(docs, "Cluster").path("spec");
    assertThat(cluster.at("/topology/classRef/name").asText()).isEqualTo("dev");
    assertThat(cluster.at("/topology/version").asText()).isEqualTo("v1.32.0");
    assertThat(cluster.at("/topology/controlPlane/replicas").asInt()).isEqualTo(1);
    assertThat(cluster.at("/topology/workers/machineDeployments").findValuesAsText("class")).containsExactly("default", "gpu");
    JsonNode gpu = cluster.at("/topology/workers/machineDeployments/1");
    assertThat(gpu.has("replicas")).isFalse();
    assertThat(gpu.at("/metadata/annotations/cluster.x-k8s.io~1cluster-api-autoscaler-node-group-max-size").asText()).isEqualTo("4");
    assertThat(cluster.at("/topology/variables").findValuesAsText("name")).contains("kubeProxyReplacement", "wireguard", "gatewayApi");

    JsonNode cc = Docs.one(docs, "ClusterClass").path("spec");
    assertThat(cc.at("/variables/0/schema/openAPIV3Schema/type").asText()).isEqualTo("boolean");
    assertThat(cc.at("/patches/0/enabledIf").asText()).isEqualTo("{{ .kubeProxyReplacement }}");
    assertThat(cc.at("/patches/0/definitions/0/jsonPatches/0/path").asText())
        .isEqualTo("/spec/template/spec/kubeadmConfigSpec/initConfiguration/skipPhases");
    JsonNode cpt = Docs.one(docs, "KubeadmControlPlaneTemplate").at("/spec/template/spec");
    assertThat(cpt.has("replicas") || cpt.has("version") || cpt.has("machineTemplate")).isFalse();
    assertThat(cpt.at("/kubeadmConfigSpec/initConfiguration/skipPhases").isMissingNode()).isTrue();
    assertThat(cpt.at("/kubeadmConfigSpec/postKubeadmCommands/0").asText()).contains("register.sh");
    templateRefsResolve(docs);
  }

  @Test
  void rke2TopologyUsesItsTemplates() {
    List<Document> docs = Fixtures.topology(Fixtures.docker("rke2"));
    assertThat(Docs.ofKind(docs, "RKE2ControlPlaneTemplate")).hasSize(1);
    assertThat(Docs.one(docs, "Cluster").at("/spec/topology/version").asText()).isEqualTo("v1.32.0+rke2r1");
    assertThat(Docs.one(docs, "ClusterClass").at("/spec/patches/0/definitions/0/jsonPatches/0/path").asText())
        .isEqualTo("/spec/template/spec/serverConfig/disableComponents");
    templateRefsResolve(docs);
  }

  @Test
  void everyProviderAndBootstrapPassesTheUpstreamSchemas(@TempDir Path out) throws Exception {
    int count = 0;
    int i = 0;
    for (Function<String, String> example : DeterminismAndConformanceTest.EXAMPLES) {
      for (String b : List.of("kubeadm", "rke2")) {
        List<Document> docs = Fixtures.topology(example.apply(b));
        templateRefsResolve(docs);
        Files.writeString(out.resolve("topology-" + i++ + ".yaml"), DocumentWriter.toYaml(docs), StandardCharsets.UTF_8);
        count += docs.size();
      }
    }
    SchemaValidator.assertValid(out, count);
  }

  /** Every templateRef of the ClusterClass and the Cluster's classRef name an emitted document. */
  static void templateRefsResolve(List<Document> docs) {
    for (Document cc : Docs.ofKind(docs, "ClusterClass")) {
      for (JsonNode ref : cc.json().path("spec").findValues("templateRef")) {
        assertThat(docs).as(cc.id() + " → " + ref).anyMatch(d -> d.apiVersion().equals(ref.path("apiVersion").asText())
            && d.kind().equals(ref.path("kind").asText()) && d.name().equals(ref.path("name").asText())
            && d.namespace().equals(cc.namespace()));
      }
    }
    for (Document c : Docs.ofKind(docs, "Cluster")) {
      JsonNode classRef = c.json().at("/spec/topology/classRef");
      if (!classRef.isMissingNode()) {
        assertThat(docs).as(c.id() + " → ClusterClass").anyMatch(d -> d.kind().equals("ClusterClass")
            && d.name().equals(classRef.path("name").asText()) && d.namespace().equals(c.namespace()));
      }
    }
  }
}

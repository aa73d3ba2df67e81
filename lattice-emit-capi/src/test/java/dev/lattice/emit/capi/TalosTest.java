package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import dev.lattice.model.diagnostics.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TalosTest {
  static final List<Function<String, String>> TALOS_EXAMPLES = List.of(Fixtures::aws, Fixtures::proxmox, Fixtures::openstack);

  @Test
  void talosControlPlaneAndConfigTemplatesReplaceKubeadm() {
    List<Document> docs = Fixtures.documents(Fixtures.proxmox("talos"));
    Set<String> kinds = docs.stream().map(Document::kind).collect(Collectors.toSet());
    assertThat(kinds).contains("TalosControlPlane", "TalosConfigTemplate").doesNotContain("KubeadmControlPlane", "KubeadmConfigTemplate");
    Document tcp = Docs.ofKind(docs, "TalosControlPlane").get(0);
    assertThat(tcp.apiVersion()).isEqualTo("controlplane.cluster.x-k8s.io/v1alpha3");
    JsonNode spec = tcp.json().path("spec");
    assertThat(spec.at("/controlPlaneConfig/controlplane/generateType").asText()).isEqualTo("controlplane");
    assertThat(spec.at("/controlPlaneConfig/controlplane/talosVersion").asText()).matches("v\\d+\\.\\d+\\.\\d+");
    assertThat(spec.at("/infrastructureTemplate/kind").asText()).isEqualTo("ProxmoxMachineTemplate");
    assertThat(spec.at("/version").asText()).isEqualTo("v1.32.0");
    String patches = spec.at("/controlPlaneConfig/controlplane/configPatches").toString();
    assertThat(patches).contains("\"/cluster/network/cni\"").contains("\"/cluster/proxy\"").contains("\"ip\":\"10.0.0.150\"");
    assertThat(Docs.one(docs, "Cluster").at("/spec/controlPlaneRef/kind").asText()).isEqualTo("TalosControlPlane");
    Document config = Docs.ofKind(docs, "TalosConfigTemplate").get(0);
    assertThat(config.apiVersion()).isEqualTo("bootstrap.cluster.x-k8s.io/v1beta1");
    assertThat(config.json().at("/spec/template/spec/generateType").asText()).isEqualTo("worker");
    assertThat(Docs.ofKind(docs, "MachineDeployment").get(0).json().at("/spec/template/spec/bootstrap/configRef/kind").asText())
        .isEqualTo("TalosConfigTemplate");
    assertThat(AddonDocs.release(docs, "cilium").at("/spec/values/k8sServiceHost").asText()).isEqualTo("localhost");
    assertThat(DocumentWriter.toYaml(docs)).doesNotContain("register.sh");
  }

  @Test
  void poolLabelsAndTaintsBecomeNodeLabelsAndTaints() {
    List<Document> docs = Fixtures.documents(Fixtures.aws("talos") + "  registryMirrors:\n    - {upstream: docker.io, mirror: \"http://m:5000\"}\n");
    JsonNode patches = Docs.ofKind(docs, "TalosConfigTemplate").get(0).json().at("/spec/template/spec/configPatches");
    assertThat(patches.toString()).contains("\"/machine/registries\"").contains("http://m:5000");
  }

  @Test
  void dockerCannotBootTalosAndAwsNeedsATalosAmi() {
    Compilation docker = Fixtures.compile(Fixtures.docker("talos"));
    assertThat(docker.diagnostics()).extracting(Diagnostic::code).contains("LAT1013");
    Compilation aws = Fixtures.compile(Fixtures.aws("talos").replace("        amiId: ami-0abc\n", ""));
    assertThat(aws.diagnostics()).extracting(Diagnostic::code).contains("LAT1012");
  }

  @Test
  void topologyFallsBackToObjectsWithAWarning() {
    List<Document> docs = Fixtures.topology(Fixtures.openstack("talos"));
    assertThat(Docs.ofKind(docs, "ClusterClass")).isEmpty();
    assertThat(Docs.ofKind(docs, "TalosControlPlane")).hasSize(1);
  }

  @Test
  void everyTalosExamplePassesTheUpstreamSchemas(@TempDir Path out) throws Exception {
    int count = 0;
    int i = 0;
    for (Function<String, String> example : TALOS_EXAMPLES) {
      List<Document> docs = Fixtures.documents(example.apply("talos"));
      ClusterPropertyTest.referencesResolve(docs);
      Files.writeString(out.resolve("talos-" + i++ + ".yaml"), DocumentWriter.toYaml(docs), StandardCharsets.UTF_8);
      count += docs.size();
    }
    SchemaValidator.assertValid(out, count);
  }
}

package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output is byte-identical across runs and input order, and every example passes the upstream schemas. */
class DeterminismAndConformanceTest {
  static final List<Function<String, String>> EXAMPLES =
      List.of(Fixtures::docker, Fixtures::aws, Fixtures::proxmox, Fixtures::openstack);

  @Test
  void compilingTwiceGivesTheSameBytes() {
    for (Function<String, String> example : EXAMPLES) {
      for (String b : List.of("kubeadm", "rke2")) {
        String yaml = example.apply(b);
        assertThat(DocumentWriter.toYaml(Fixtures.documents(yaml))).isEqualTo(DocumentWriter.toYaml(Fixtures.documents(yaml)));
      }
    }
  }

  @Test
  void inputOrderDoesNotMatter() {
    String a = Fixtures.aws("kubeadm");
    String p = Fixtures.proxmox("rke2");
    String forward = Fixtures.compile(Map.of("a.yaml", a, "b.yaml", p)).toYaml();
    String backward = Fixtures.compile(Map.of("a.yaml", p, "b.yaml", a)).toYaml();
    assertThat(forward).isNotEmpty().isEqualTo(backward);
  }

  @Test
  void aChangedMachineSpecGetsANewTemplateName() {
    List<Document> before = Fixtures.documents(Fixtures.aws("kubeadm"));
    List<Document> after = Fixtures.documents(Fixtures.aws("kubeadm").replace("m7i.xlarge", "m7i.2xlarge"));
    String old = Docs.named(before, "AWSMachineTemplate", "prod-pool-general-").at("/metadata/name").asText();
    String neu = Docs.named(after, "AWSMachineTemplate", "prod-pool-general-").at("/metadata/name").asText();
    assertThat(neu).isNotEqualTo(old).matches("prod-pool-general-[0-9a-f]{8}");
    assertThat(Docs.named(after, "MachineDeployment", "prod-pool-general").at("/spec/template/spec/infrastructureRef/name").asText())
        .isEqualTo(neu);
    assertThat(Docs.named(after, "AWSMachineTemplate", "prod-control-plane-").at("/metadata/name").asText())
        .isEqualTo(Docs.named(before, "AWSMachineTemplate", "prod-control-plane-").at("/metadata/name").asText());
  }

  @Test
  void everyExamplePassesTheUpstreamSchemas(@TempDir Path out) throws Exception {
    int documents = 0;
    int i = 0;
    for (Function<String, String> example : EXAMPLES) {
      for (String b : List.of("kubeadm", "rke2")) {
        List<Document> docs = Fixtures.documents(example.apply(b));
        List<String> addons = AddonDocs.texts(docs);
        Files.writeString(out.resolve("example-" + i++ + "-" + b + ".yaml"), DocumentWriter.toYaml(docs) + String.join("", addons),
            StandardCharsets.UTF_8);
        documents += docs.size() + addons.size();
      }
    }
    for (Map.Entry<String, String> e : ReferenceFixtures.compilable().entrySet()) {
      List<Document> docs = Fixtures.documents(e.getValue());
      Files.writeString(out.resolve("reference-" + e.getKey()), DocumentWriter.toYaml(docs), StandardCharsets.UTF_8);
      documents += docs.size();
    }
    SchemaValidator.assertValid(out, documents);
  }
}

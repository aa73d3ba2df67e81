package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.document.Document;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference system's cluster fixtures compile, or (basis) give a clear warning and nothing else. */
class ReferenceFixturesTest {

  @Test
  void dockerAwsAndProxmoxFixturesCompile() {
    Map<String, String> fixtures = ReferenceFixtures.compilable();
    assertThat(fixtures).containsKeys("aws-mgmt.yaml", "aws-workload.yaml", "docker-mgmt.yaml", "docker-workload.yaml",
        "proxmox-mgmt.yaml");
    fixtures.forEach((name, yaml) -> {
      assertThat(yaml).as(name).contains("kind: CloudProvider");
      List<Document> docs = Fixtures.documents(yaml);
      assertThat(docs).as(name).extracting(Document::kind).contains("Cluster", "MachineDeployment", "Service");
    });
  }

  @Test
  void dockerWorkloadHasOneDeploymentPerRackPool() {
    List<Document> docs = Fixtures.documents(ReferenceFixtures.all().get("docker-workload.yaml"));
    assertThat(Docs.ofKind(docs, "MachineDeployment")).extracting(Document::name).containsExactly(
        "e2e-workload-pool-zone-a-rack-1", "e2e-workload-pool-zone-a-rack-2", "e2e-workload-pool-zone-b-rack-3",
        "e2e-workload-pool-zone-b-rack-4", "e2e-workload-pool-zone-c-rack-5");
  }

  @Test
  void proxmoxAdditionalNetworksAreAWarning() {
    Compilation c = Fixtures.compile(ReferenceFixtures.all().get("proxmox-mgmt.yaml"));
    assertThat(c.hasErrors()).isFalse();
    assertThat(c.diagnostics()).anyMatch(d -> d.code().equals(Codes.UNSUPPORTED_CLUSTER_SETTING)
        && d.path().endsWith("additionalNetworks"));
  }

  @Test
  void basisIsAWarningAndEmitsNothing() {
    Compilation c = Fixtures.compile(ReferenceFixtures.all().get("basis-mgmt.yaml"));
    assertThat(c.hasErrors()).as(Fixtures.render(c.diagnostics())).isFalse();
    assertThat(c.documents()).isEmpty();
    Diagnostic d = c.diagnostics().stream().filter(x -> x.code().equals(Codes.UNSUPPORTED_CLUSTER_SETTING))
        .findFirst().orElseThrow();
    assertThat(d.message()).contains("basis");
    assertThat(d.position().line()).isPositive();
  }
}

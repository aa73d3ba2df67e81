package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pool's {@code displayName} is not dropped: it is the annotation {@code lattice.dev/display-name} of its MachineDeployment. */
class PoolDisplayNameTest {
  static String withDisplayName() {
    String yaml = Fixtures.docker("kubeadm");
    String named = yaml.replace("      gpu:\n        min: 1", "      gpu:\n        displayName: GPU nodes (A100)\n        min: 1");
    assertThat(named).isNotEqualTo(yaml);
    return named;
  }

  @Test
  void theMachineDeploymentCarriesIt() {
    List<Document> docs = Fixtures.documents(withDisplayName());
    assertThat(Docs.named(docs, "MachineDeployment", "dev-pool-gpu").at("/metadata/annotations/lattice.dev~1display-name").asText())
        .isEqualTo("GPU nodes (A100)");
    assertThat(Docs.named(docs, "MachineDeployment", "dev-pool-default").at("/metadata/annotations/lattice.dev~1display-name")
        .isMissingNode()).isTrue();
  }

  @Test
  void theTopologyFormCarriesItOnThePoolsMachineDeployment() {
    JsonNode pools = Docs.one(Fixtures.topology(withDisplayName()), "Cluster").at("/spec/topology/workers/machineDeployments");
    assertThat(pools.toString()).contains("\"lattice.dev/display-name\":\"GPU nodes (A100)\"");
  }
}

package dev.lattice.runtime.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import dev.lattice.runtime.link.wiring.CellControllerCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Deployment {@code install-manifests --cell} writes runs the command that hosts the cell: its
 * arguments parse as the options of the link's {@code controller} command (the controller module's own
 * command has no {@code --cell-*} options), its volume and ports match them.
 */
class CellDeploymentArgumentsTest {
  private static final List<Document> HOSTING = InstallManifests.all("lattice-controller:1", Optional.of(CellInstall.of("mgmt")));

  @Test
  void theDeploymentArgumentsAreTheControllerCommandsOptions() {
    JsonNode container = deployment(HOSTING).json().at("/spec/template/spec/containers/0");
    List<String> args = new ArrayList<>();
    container.get("args").forEach(a -> args.add(a.asText()));
    assertThat(args.get(0)).isEqualTo("controller");
    CommandLine.ParseResult parsed = new CommandLine(new CellControllerCommand()).parseArgs(args.subList(1, args.size()).toArray(String[]::new));
    assertThat(parsed.matchedOptionValue("--cell-grpc", "")).isEqualTo("0.0.0.0:50051");
    assertThat(parsed.matchedOptionValue("--cell-bootstrap", "")).isEqualTo("0.0.0.0:8443");
    assertThat(parsed.matchedOptionValue("--cell-data", "")).isEqualTo(CellInstall.DATA_PATH);
    assertThat(parsed.matchedOptionValue("--cell-cluster", "")).isEqualTo("mgmt");
    assertThat(container.at("/volumeMounts/1/mountPath").asText()).isEqualTo(CellInstall.DATA_PATH);
    assertThat(container.get("ports").findValuesAsText("name")).contains("grpc", "bootstrap");
    assertThat(deployment(HOSTING).json().at("/spec/strategy/type").asText()).as("RWO volume: no overlap").isEqualTo("Recreate");
    assertThat(deployment(HOSTING).json().at("/spec/template/spec/volumes/1/persistentVolumeClaim/claimName").asText())
        .isEqualTo("lattice-controller-cell-data");
  }

  private static Document deployment(List<Document> docs) {
    return docs.stream().filter(d -> d.kind().equals("Deployment")).findFirst().orElseThrow();
  }
}

package dev.lattice.runtime.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.compiler.document.Document;
import dev.lattice.runtime.TestPaths;
import dev.lattice.runtime.server.ControllerCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every Service we install, and the {@code lattice-cell} Service a cell's LatticeCluster compiles to,
 * selects pods that exist: its selector is a subset of the labels of a pod template in its namespace
 * (a Service whose selector matches no pod has no endpoints, and the cell would be unreachable).
 */
class ServiceSelectorTest {
  private static final List<Document> HOSTING = InstallManifests.all("lattice-controller:1", Optional.of(CellInstall.of("mgmt")));

  @Test
  void everyInstalledServiceSelectsTheControllerPods() {
    for (List<Document> install : List.of(InstallManifests.all("lattice-controller:1"), HOSTING)) {
      List<Document> services = install.stream().filter(d -> d.kind().equals("Service")).toList();
      assertThat(services).isNotEmpty();
      services.forEach(s -> assertSelectsAPod(s, install));
    }
    assertThat(HOSTING).extracting(Document::name).contains("lattice-controller-cell", "lattice-controller-cell-data");
  }

  @Test
  void theCompiledCellServiceSelectsTheInstalledControllerPods() {
    Compilation c = LatticeCompiler.builder().build().compile(Sources.fromPaths(List.of(TestPaths.root().resolve("examples/clusters"))));
    assertThat(c.hasErrors()).as(c.diagnostics().toString()).isFalse();
    List<Document> cell = c.documents().stream().filter(d -> d.kind().equals("Service"))
        .filter(d -> d.namespace().equals(Optional.of("lattice-system"))).toList();
    assertThat(cell).extracting(Document::name).containsExactly("lattice-cell");
    assertSelectsAPod(cell.get(0), HOSTING);
  }

  @Test
  void theDeploymentArgumentsAreTheControllerCommandsOptions() {
    JsonNode container = deployment(HOSTING).body().at("/spec/template/spec/containers/0");
    List<String> args = new ArrayList<>();
    container.get("args").forEach(a -> args.add(a.asText()));
    assertThat(args.get(0)).isEqualTo("controller");
    CommandLine.ParseResult parsed = new CommandLine(new ControllerCommand()).parseArgs(args.subList(1, args.size()).toArray(String[]::new));
    assertThat(parsed.matchedOptionValue("--cell-grpc", "")).isEqualTo("0.0.0.0:50051");
    assertThat(parsed.matchedOptionValue("--cell-bootstrap", "")).isEqualTo("0.0.0.0:8443");
    assertThat(parsed.matchedOptionValue("--cell-data", "")).isEqualTo(CellInstall.DATA_PATH);
    assertThat(parsed.matchedOptionValue("--cell-cluster", "")).isEqualTo("mgmt");
    assertThat(container.at("/volumeMounts/1/mountPath").asText()).isEqualTo(CellInstall.DATA_PATH);
    assertThat(container.get("ports").findValuesAsText("name")).contains("grpc", "bootstrap");
    assertThat(deployment(HOSTING).body().at("/spec/strategy/type").asText()).as("RWO volume: no overlap").isEqualTo("Recreate");
    assertThat(deployment(HOSTING).body().at("/spec/template/spec/volumes/1/persistentVolumeClaim/claimName").asText())
        .isEqualTo("lattice-controller-cell-data");
  }

  private static Document deployment(List<Document> docs) {
    return docs.stream().filter(d -> d.kind().equals("Deployment")).findFirst().orElseThrow();
  }

  private static void assertSelectsAPod(Document service, List<Document> install) {
    Map<String, String> selector = map(service.body().at("/spec/selector"));
    assertThat(selector).as(service.name() + " has a selector").isNotEmpty();
    List<Map<String, String>> pods = install.stream().filter(d -> d.kind().equals("Deployment"))
        .filter(d -> d.namespace().equals(service.namespace()))
        .map(d -> map(d.body().at("/spec/template/metadata/labels"))).toList();
    assertThat(pods).as("pod templates in " + service.namespace()).isNotEmpty();
    assertThat(pods).as("Service " + service.name() + " selector " + selector + " ⊆ some pod's labels")
        .anyMatch(labels -> labels.entrySet().containsAll(selector.entrySet()));
  }

  private static Map<String, String> map(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}

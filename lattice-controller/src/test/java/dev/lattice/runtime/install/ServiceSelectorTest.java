package dev.lattice.runtime.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.runtime.TestPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every Service we install, and the {@code lattice-cell} Service a cell's LatticeCluster compiles to,
 * selects pods that exist: its selector is a subset of the labels of a pod template in its namespace
 * (a Service whose selector matches no pod has no endpoints, and the cell would be unreachable). That the
 * Deployment's {@code --cell-*} arguments are options of the command that hosts the cell is held in lattice-link
 * ({@code CellDeploymentArgumentsTest}).
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

  private static void assertSelectsAPod(Document service, List<Document> install) {
    Map<String, String> selector = map(service.json().at("/spec/selector"));
    assertThat(selector).as(service.name() + " has a selector").isNotEmpty();
    List<Map<String, String>> pods = install.stream().filter(d -> d.kind().equals("Deployment"))
        .filter(d -> d.namespace().equals(service.namespace()))
        .map(d -> map(d.json().at("/spec/template/metadata/labels"))).toList();
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

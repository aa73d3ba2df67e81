package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lattice graph}: formats, cutting the fleet down, exit codes, denials drawn beside their errors. */
class GraphCommandTest {
  private static final String SHOP = ProjectPaths.root().resolve("examples/shop").toString();
  private static final String PAYMENTS = ProjectPaths.root().resolve("examples/payments").toString();

  @Test
  void mermaidIsTheDefaultAndDotIsOneOptionAway() {
    Run mermaid = CliTest.run("graph", SHOP);
    assertThat(mermaid.code()).isZero();
    assertThat(mermaid.out()).startsWith("flowchart LR\n  subgraph gshop[\"shop\"]\n")
        .contains("nshop_2ffrontend -->|\"8080\"| nshop_2fapi_2dgateway");
    Run dot = CliTest.run("graph", "--format", "dot", SHOP);
    assertThat(dot.code()).isZero();
    assertThat(dot.out()).startsWith("digraph lattice {\n").contains("subgraph \"cluster_shop\" {")
        .contains("\"shop/frontend\" -> \"shop/api-gateway\" [label=\"8080\"];");
  }

  @Test
  void serviceKeepsItsNeighbourhoodOnly() {
    Run r = CliTest.run("graph", "--service", "auth-service", SHOP);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("nshop_2fauth_2dservice[", "nshop_2fapi_2dgateway[")
        .doesNotContain("nshop_2ffrontend", "stripe");
    assertThat(r.out().lines().filter(l -> l.contains("-->"))).containsExactly(
        "  nshop_2fapi_2dgateway -->|\"9000, 9090\"| nshop_2fauth_2dservice");
  }

  @Test
  void namespaceKeepsItsNodesAndTheirPeersInOtherNamespaces(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: web, namespace: front}
        spec:
          workload:
            containers: {main: {image: "registry.example.com/web:1"}}
            service: {ports: {http: {port: 80}}}
            resources: {api: {namespace: back}}
        ---
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: api, namespace: back}
        spec:
          workload:
            containers: {main: {image: "registry.example.com/api:1"}}
            service: {ports: {http: {port: 8080}}}
            resources: {web: {namespace: front, direction: inbound}}
        ---
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: batch, namespace: back}
        spec:
          workload:
            containers: {main: {image: "registry.example.com/batch:1"}}
        """ + "---\n" + tagPolicy());
    Run front = CliTest.run("graph", "--namespace", "front", dir.toString());
    assertThat(front.code()).as(front.err()).isZero();
    assertThat(front.out()).contains("subgraph gfront[", "subgraph gback[", "nfront_2fweb -->|\"8080\"| nback_2fapi")
        .doesNotContain("batch");
    assertThat(CliTest.run("graph", "--namespace", "back", dir.toString()).out()).contains("batch", "web");
  }

  @Test
  void oneSidedDeclarationsAreDashedAndNameTheMissingHalf(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: order-service, namespace: pay}
        spec:
          workload:
            containers: {main: {image: "registry.example.com/order:1"}}
            resources: {payment-service: {}}
        ---
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: payment-service, namespace: pay}
        spec:
          workload:
            containers: {main: {image: "registry.example.com/payment:1"}}
            service: {ports: {https: {port: 8443}}}
        """ + "---\n" + tagPolicy());
    Run r = CliTest.run("graph", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("LAT2003");
    assertThat(r.out()).contains("npay_2forder_2dservice -.->|\"inbound missing on pay/payment-service\"| npay_2fpayment_2dservice");
    assertThat(CliTest.run("graph", "--format", "dot", dir.toString()).out())
        .contains("\"pay/order-service\" -> \"pay/payment-service\" [label=\"inbound missing on pay/payment-service\", style=dashed];");
  }

  @Test
  void gateDenialsAreDrawnAndStillExitOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: web, namespace: shop}
        spec:
          workload:
            containers: {main: {image: "registry.example.com/web:1"}}
        """);
    Run r = CliTest.run("graph", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("LAT3003");
    assertThat(r.out()).contains("⛔ denied SkipImageVerification Lattice::ImageRef::#quot;registry.example.com/web:1#quot;")
        .contains("class nshop_2fweb denied");
  }

  @Test
  void inputErrorsPrintDiagnosticsAndNoGraph() {
    Run r = CliTest.run("graph", ProjectPaths.root().resolve("examples/invalid").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error LAT").contains("cannot draw the graph: fix the errors above");
  }

  @Test
  void unknownOrAmbiguousNamesAreUsageErrors() {
    Run unknown = CliTest.run("graph", "--service", "auth-servise", SHOP);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--service auth-servise is not in the input; did you mean").contains("auth-service");
    Run ns = CliTest.run("graph", "--namespace", "shoop", SHOP);
    assertThat(ns.code()).isEqualTo(2);
    assertThat(ns.err()).contains("--namespace shoop has nothing in the input");
    assertThat(CliTest.run("graph", "--format", "svg", SHOP).code()).isEqualTo(2);
    assertThat(CliTest.run("graph", "--service", "payments/ledger", PAYMENTS).code()).isZero();
  }

  static String tagPolicy() {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: CedarPolicy
        metadata: {name: tags, namespace: lattice-system}
        spec:
          policies: |
            permit(principal, action == Lattice::Action::"SkipImageVerification", resource);
        """;
  }
}

package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.testkit.sim.FlaggerRollout;
import dev.lattice.testkit.sim.PolicySimulator;
import dev.lattice.testkit.sim.SimulatorOptions;
import dev.lattice.testkit.sim.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Metrics and autoscaling as upstream behaves: vmagent (namespace {@code monitoring}, pod label
 * {@code app.kubernetes.io/name: vmagent}, outside the mesh, plaintext) reaches a service's
 * {@code metrics} port and nothing else at L4, is allowed there at L7, and the port alone is
 * PERMISSIVE; nobody else reaches the metrics port; a Deployment scaled by a ScaledObject sets no
 * {@code spec.replicas}, and a prometheus trigger sums over the pods under {@code AverageValue}.
 */
class ScrapeAndScalePropertyTest {
  private static final Workload VMAGENT = new Workload("monitoring", "vmagent", Map.of("app.kubernetes.io/name", "vmagent"),
      "vmagent", false, List.of());
  private static final Workload STRANGER = new Workload("monitoring", "grafana", Map.of("app.kubernetes.io/name", "grafana"),
      "grafana", false, List.of());

  @Test
  void vmagentScrapesExactlyTheMetricsPortAndScaledDeploymentsLeaveReplicasAlone() {
    long base = Seeds.base();
    SplittableRandom random = new SplittableRandom(base);
    int scraped = 0;
    int scaled = 0;
    for (int i = 0; i < 20; i++) {
      int services = 2 + random.nextInt(4);
      Map<String, String> files = new HashMap<>();
      StringBuilder all = new StringBuilder();
      for (int s = 0; s < services; s++) {
        if (s > 0) {
          all.append("---\n");
        }
        int metrics = 9100 + random.nextInt(50);
        boolean autoscale = random.nextBoolean();
        String custom = random.nextBoolean() ? "    metrics: [{metric: http_requests_per_second, target: 50}]\n" : "";
        all.append("""
            apiVersion: lattice.dev/v1alpha1
            kind: LatticeService
            metadata: {name: svc-%d, namespace: ns-%d}
            spec:
              replicas: 2
            %s  workload:
                containers:
                  main: {image: "img:1", command: [/app]}
                service:
                  ports:
                    http: {port: 8080}
                    metrics: {port: %d}
            """.formatted(s, s % 2, autoscale ? "  autoscaling:\n    max: 6\n" + custom : "", metrics));
      }
      files.put("fleet.yaml", all.toString());
      files.put("p.yaml", "apiVersion: lattice.dev/v1alpha1\nkind: CedarPolicy\nmetadata: {name: p, namespace: lattice-system}\n"
          + "spec:\n  policies: 'permit(principal, action, resource);'\n");
      Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(files));
      String context = "base seed " + base + " case " + i;
      assertThat(c.hasErrors()).as(context + " " + c.diagnostics()).isFalse();
      List<JsonNode> docs = c.documents().stream().map(Document::json).map(JsonNode.class::cast).toList();
      PolicySimulator sim = PolicySimulator.of(docs, SimulatorOptions.defaults());
      for (JsonNode d : docs) {
        String kind = d.path("kind").asText();
        if (kind.equals("Deployment")) {
          JsonNode metricsPort = null;
          for (JsonNode p : d.at("/spec/template/spec/containers/0/ports")) {
            if (p.path("name").asText().equals("metrics")) {
              metricsPort = p;
            }
          }
          int port = metricsPort.path("containerPort").asInt();
          Workload pods = FlaggerRollout.pods(d, true, List.of(8080, port));
          String what = context + ": vmagent -> " + pods + ":" + port;
          assertThat(sim.l4(VMAGENT, pods, port).allowed()).as(what + " L4 " + sim.l4(VMAGENT, pods, port).reason()).isTrue();
          assertThat(sim.l7(VMAGENT, pods, port).allowed()).as(what + " L7").isTrue();
          assertThat(sim.l4(VMAGENT, pods, 8080).allowed()).as(context + ": vmagent reaches only the metrics port").isFalse();
          assertThat(sim.l4(STRANGER, pods, port).allowed()).as(context + ": only vmagent reaches the metrics port").isFalse();
          scraped++;
        } else if (kind.equals("PeerAuthentication") && d.at("/metadata/namespace").asText().startsWith("ns-")) {
          assertThat(d.at("/spec/mtls/mode").asText()).isEqualTo("STRICT");
          assertThat(d.at("/spec/portLevelMtls").size()).as(context + ": one PERMISSIVE port").isEqualTo(1);
        } else if (kind.equals("ScaledObject")) {
          String target = d.at("/spec/scaleTargetRef/name").asText();
          JsonNode deployment = docs.stream().filter(x -> x.path("kind").asText().equals("Deployment")
              && x.at("/metadata/name").asText().equals(target)).findFirst().orElseThrow();
          assertThat(deployment.at("/spec/replicas").isMissingNode()).as(context + ": " + target + " leaves replicas to KEDA").isTrue();
          for (JsonNode t : d.at("/spec/triggers")) {
            if (t.path("type").asText().equals("prometheus")) {
              assertThat(t.path("metricType").asText()).isEqualTo("AverageValue");
              assertThat(t.at("/metadata/query").asText()).startsWith("sum(");
              assertThat(t.at("/metadata/serverAddress").asText()).isEqualTo("http://vmsingle-lattice.monitoring.svc:8429");
            }
          }
          scaled++;
        }
      }
    }
    assertThat(scraped).isPositive();
    assertThat(scaled).isPositive();
    System.out.println("scrape and scale property: " + scraped + " scraped services, " + scaled + " ScaledObjects, base seed " + base);
  }
}

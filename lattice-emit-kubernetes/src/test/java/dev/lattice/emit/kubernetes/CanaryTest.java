package dev.lattice.emit.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.compiler.plan.PortPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Canary as Flagger reads it: its port, its scaler, its provider, and no Service of ours. */
class CanaryTest {
  private static final String POLICY = "apiVersion: lattice.dev/v1alpha1\nkind: CedarPolicy\nmetadata: {name: p, namespace: ns}\n"
      + "spec:\n  policies: 'permit(principal, action, resource);'\n";

  private static Compilation compile(String ports, String extra) {
    String yaml = """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: api, namespace: ns}
        spec:
          replicas: 2
          deploy: {strategy: canary, canary: {maxWeight: 60, stepWeight: 20}}
        %s
          workload:
            containers:
              main: {image: "img:1", command: [/app]}
            service:
              ports:
        %s
        """.formatted(extra, ports);
    return LatticeCompiler.builder().emitters(new KubernetesEmitter()).build()
        .compile(Sources.fromStrings(Map.of("api.yaml", yaml, "p.yaml", POLICY)));
  }

  private static JsonNode doc(Compilation c, String kind) {
    return c.documents().stream().filter(d -> d.kind().equals(kind)).map(Document::json).findFirst().orElseThrow();
  }

  @Test
  void canaryPortIsHttpElseTheLowestTcpPortNeverUdp() {
    assertThat(CanaryDocument.canaryPort(List.of(new PortPlan("dns", 53, 53, "UDP"), new PortPlan("grpc", 9090, 9090, "TCP"),
        new PortPlan("admin", 8081, 8081, "TCP")))).map(PortPlan::name).contains("admin");
    assertThat(CanaryDocument.canaryPort(List.of(new PortPlan("admin", 80, 80, "TCP"), new PortPlan("http", 8080, 8080, "TCP"))))
        .map(PortPlan::name).contains("http");
    assertThat(CanaryDocument.canaryPort(List.of(new PortPlan("dns", 53, 53, "UDP")))).isEmpty();
  }

  @Test
  void flaggerOwnsTheServiceAndPoliciesSelectTheUnrewrittenLabel() {
    Compilation c = compile("          dns: {port: 53, protocol: UDP}\n          web: {port: 8080}", "");
    assertThat(c.hasErrors()).isFalse();
    assertThat(c.documents()).noneMatch(d -> d.kind().equals("Service"));
    JsonNode canary = doc(c, "Canary").path("spec");
    assertThat(canary.path("service").path("port").asInt()).isEqualTo(8080);
    assertThat(canary.path("service").path("portName").asText()).isEqualTo("web");
    assertThat(canary.path("service").path("portDiscovery").asBoolean()).isTrue();
    assertThat(canary.path("provider").asText()).isEqualTo("kubernetes");
    assertThat(canary.path("analysis").path("iterations").asInt()).isEqualTo(3);
    assertThat(canary.has("autoscalerRef")).isFalse();
    assertThat(doc(c, "PodDisruptionBudget").at("/spec/selector/matchLabels").toString())
        .isEqualTo("{\"lattice.dev/service\":\"api\"}");
    assertThat(doc(c, "Deployment").at("/spec/template/metadata/labels/lattice.dev~1service").asText()).isEqualTo("api");
    assertThat(c.diagnostics()).anyMatch(d -> d.code().equals(dev.lattice.model.diagnostics.Codes.CANARY_TRAFFIC));
  }

  @Test
  void anAutoscaledCanaryNamesItsScaledObject() {
    Compilation c = compile("          http: {port: 8080}", "  autoscaling: {max: 5}");
    assertThat(doc(c, "Canary").at("/spec/autoscalerRef").toString())
        .isEqualTo("{\"apiVersion\":\"keda.sh/v1alpha1\",\"kind\":\"ScaledObject\",\"name\":\"api\"}");
  }

  @Test
  void aCanaryWithoutATcpPortIsAPositionedError() {
    Compilation c = compile("          dns: {port: 53, protocol: UDP}", "");
    assertThat(c.diagnostics()).filteredOn(d -> d.code().equals("LAT1027")).singleElement()
        .satisfies(d -> assertThat(d.position().file()).isEqualTo("api.yaml"));
  }
}

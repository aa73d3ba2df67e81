package dev.lattice.emit.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pods that reach external names opt out of ambient DNS capture, so that Cilium's DNS proxy sees
 * their lookups and {@code toFQDNs} learns the addresses (istio.io "DNS Proxying"); the policy
 * simulator models the capture ({@code AmbientDns}) and {@code SimulatedPolicyPropertyTest} fails
 * without the opt-out. A mesh member's pods are not ours to annotate: LAT2015.
 */
class DnsCaptureTest {
  private static final String POLICY = "apiVersion: lattice.dev/v1alpha1\nkind: CedarPolicy\nmetadata: {name: p, namespace: shop}\n"
      + "spec:\n  policies: 'permit(principal, action, resource);'\n";

  private static String service(String name, String external) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: %s, namespace: shop}
        spec:
          workload:
            containers:
              main: {image: "img:1", command: [/app]}
            resources:
              %s: {type: external-service, direction: outbound}
        """.formatted(name, external);
  }

  private static final String NAMES = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeExternalService
      metadata: {name: stripe, namespace: shop}
      spec:
        endpoints: {api: "https://api.stripe.com"}
        allowedRequesters: ["*"]
      """;
  private static final String ADDRESSES = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeExternalService
      metadata: {name: ledger, namespace: shop}
      spec:
        endpoints: {pg: "10.0.0.5:5432"}
        resolution: static
        allowedRequesters: ["*"]
      """;
  private static final String MEMBER = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeMeshMember
      metadata: {name: backup, namespace: shop}
      spec:
        target: {selector: {labels: {app: backup}}}
        egress: [{fqdn: "backup.example.com", ports: [443]}]
      """;

  private static Compilation compile() {
    return LatticeCompiler.builder().emitters(new KubernetesEmitter()).build().compile(Sources.fromStrings(Map.of(
        "api.yaml", service("api", "stripe"), "batch.yaml", service("batch", "ledger"), "stripe.yaml", NAMES, "ledger.yaml", ADDRESSES,
        "backup.yaml", MEMBER, "p.yaml", POLICY)));
  }

  private static JsonNode annotations(Compilation c, String name) {
    return c.documents().stream().filter(d -> d.kind().equals("Deployment") && d.name().equals(name)).findFirst()
        .orElseThrow().json().at("/spec/template/metadata/annotations");
  }

  @Test
  void ambientPodsThatReachNamesOptOutOfDnsCaptureAndNoOthers() {
    Compilation c = compile();
    assertThat(c.hasErrors()).as(c.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"))).isFalse();
    assertThat(annotations(c, "api").path("ambient.istio.io/dns-capture").asText()).isEqualTo("false");
    assertThat(annotations(c, "batch").has("ambient.istio.io/dns-capture")).as("addresses need no DNS").isFalse();
  }

  @Test
  void aMeshMemberThatReachesNamesIsWarnedAtItsEgress() {
    Compilation c = compile();
    assertThat(c.diagnostics()).filteredOn(d -> d.code().equals(Codes.DNS_CAPTURE))
        .singleElement()
        .satisfies(d -> {
          assertThat(d.message()).contains("shop/backup");
          assertThat(d.hint().orElseThrow()).contains("ambient.istio.io/dns-capture");
          assertThat(d.path()).startsWith("spec.egress");
        });
  }
}

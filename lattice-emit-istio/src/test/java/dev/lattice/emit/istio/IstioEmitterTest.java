package dev.lattice.emit.istio;

import static dev.lattice.emit.istio.Fleets.body;
import static dev.lattice.emit.istio.Fleets.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.document.Document;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IstioEmitterTest {
  private static final String AP = "AuthorizationPolicy";
  private static final String SE = "ServiceEntry";

  @Test
  void allowsTheAgreedAmbientCallersOnTheTargetPorts() {
    JsonNode api = body(compile(Fleets.shop()), AP, "allow-to-api");
    assertThat(api.at("/metadata/namespace").asText()).isEqualTo("shop");
    assertThat(api.at("/metadata/labels/app.kubernetes.io~1name").asText()).isEqualTo("api");
    assertThat(api.path("spec").toString()).isEqualTo("{\"selector\":{\"matchLabels\":{\"lattice.dev/service\":\"api\"}},"
        + "\"action\":\"ALLOW\",\"rules\":[{\"from\":[{\"source\":{\"principals\":"
        + "[\"cluster.local/ns/finance/sa/billing\",\"cluster.local/ns/shop/sa/web\"]}}],"
        + "\"to\":[{\"operation\":{\"ports\":[\"8080\",\"9090\"]}}]}]}");
  }

  @Test
  void principalsUseTheConfiguredTrustDomainAndServiceAccount() {
    LatticeCompiler compiler = LatticeCompiler.builder().authorizer(dev.lattice.compiler.stage.Authorizer.ALLOW_ALL).trustDomain("prod.example.org").emitters(new IstioEmitter()).build();
    Compilation c = Fleets.compile(compiler, Map.of(
        "web.yaml", Fleets.service("web", "{http: {port: 80, targetPort: 3000}}", "{agent: {type: service, direction: inbound}}"),
        "agent.yaml", """
            apiVersion: lattice.dev/v1alpha1
            kind: LatticeMeshMember
            metadata: {name: agent, namespace: shop}
            spec:
              target: {selector: {labels: {app: agent}}}
              serviceAccount: agent-runner
              dependencies: [{name: web}]
            """));
    assertThat(body(c, AP, "allow-to-web").at("/spec/rules/0/from/0/source/principals").toString())
        .isEqualTo("[\"prod.example.org/ns/shop/sa/agent-runner\"]");
    assertThat(body(c, AP, "allow-to-agent").at("/spec/selector/matchLabels").toString()).isEqualTo("{\"app\":\"agent\"}");
  }

  @Test
  void membersOutsideTheMeshGetNoPolicyAndGrantNoPrincipal() {
    Compilation c = compile(
        Fleets.service("web", "{http: {port: 80, targetPort: 3000}}", "{legacy: {type: service, direction: inbound}}"),
        """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeMeshMember
        metadata: {name: legacy, namespace: shop}
        spec:
          target: {selector: {labels: {app: legacy}}}
          dependencies: [{name: web}]
          ambient: false
        """);
    assertThat(c.documents()).extracting(Document::name).doesNotContain("allow-to-legacy");
    assertThat(body(c, AP, "allow-to-web").path("spec").has("rules")).isFalse();
    assertThat(body(compile(Fleets.shop()), AP, "allow-to-nas")).isNull();
  }

  @Test
  void memberWithoutAmbientCallersIsClosedExplicitly() {
    JsonNode web = body(compile(Fleets.shop()), AP, "allow-to-web");
    assertThat(web.path("spec").toString())
        .isEqualTo("{\"selector\":{\"matchLabels\":{\"lattice.dev/service\":\"web\"}},\"action\":\"ALLOW\"}");
  }

  @Test
  void namespaceWideMemberHasNoSelector() {
    Compilation c = compile("""
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeMeshMember
        metadata: {name: tools, namespace: ops}
        spec:
          target: {namespace: ops}
          ports: [{port: 8080, name: http}]
        """);
    assertThat(body(c, AP, "allow-to-tools").path("spec").toString()).isEqualTo("{\"action\":\"ALLOW\"}");
  }

  @Test
  void meshWideDenyAllAndStrictMtls() {
    Compilation c = compile(Fleets.shop());
    JsonNode deny = body(c, AP, "lattice-deny-all");
    assertThat(deny.at("/metadata/namespace").asText()).isEqualTo("istio-system");
    assertThat(deny.path("spec").toString()).isEqualTo("{}");
    JsonNode pa = body(c, "PeerAuthentication", "default");
    assertThat(pa.at("/metadata/namespace").asText()).isEqualTo("istio-system");
    assertThat(pa.path("spec").toString()).isEqualTo("{\"mtls\":{\"mode\":\"STRICT\"}}");
    assertThat(compile(Fleets.PAYMENTS).documents()).isEmpty();
  }

  @Test
  void dnsDestinationsGetNoServiceEntry() {
    // names are Cilium toFQDNs' business; under ambient DNS capture a ServiceEntry host would make ztunnel
    // answer the lookup and toFQDNs learn nothing (ServiceEntries javadoc, docs/UPSTREAM.md)
    Compilation c = compile(Fleets.shop());
    assertThat(c.documents()).filteredOn(d -> d.kind().equals(SE)).extracting(Document::name)
        .doesNotContain("payments", "api-stripe");
  }

  @Test
  void serviceEntryForStaticAddresses() {
    String ledger = Fleets.LEDGER.replace(", replicas: \"10.1.0.0/24:5432\"", ", replica: \"10.0.0.6:5432\"");
    Map<String, String> texts = new java.util.LinkedHashMap<>(Fleets.shop());
    texts.put("ledger.yaml", ledger);
    assertThat(body(compile(texts), SE, "ledger").path("spec").toString()).isEqualTo(
        "{\"hosts\":[\"ledger.external\"],\"addresses\":[\"10.0.0.5/32\",\"10.0.0.6/32\"],"
            + "\"ports\":[{\"number\":5432,\"name\":\"tcp-5432\",\"protocol\":\"TCP\"}],"
            + "\"location\":\"MESH_EXTERNAL\",\"resolution\":\"STATIC\","
            + "\"endpoints\":[{\"address\":\"10.0.0.5\"},{\"address\":\"10.0.0.6\"}],\"exportTo\":[\".\"]}");
  }

  @Test
  void cidrRangesCannotBeEndpoints() {
    JsonNode ledger = body(compile(Fleets.shop()), SE, "ledger").path("spec");
    assertThat(ledger.path("addresses").toString()).isEqualTo("[\"10.0.0.5/32\",\"10.1.0.0/24\"]");
    assertThat(ledger.path("resolution").asText()).isEqualTo("NONE");
    assertThat(ledger.has("endpoints")).isFalse();
  }

  @Test
  void onlyReachedAddressDestinationsWithPortsGetAServiceEntry() {
    Map<String, String> texts = new java.util.LinkedHashMap<>(Fleets.shop());
    texts.put("unused.yaml", Fleets.PAYMENTS.replace("name: payments", "name: unused"));
    texts.put("backup.yaml", """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeMeshMember
        metadata: {name: backup, namespace: shop}
        spec:
          target: {selector: {labels: {app: backup}}}
          egress: [{fqdn: "backup.example.com"}, {fqdn: "*.s3.amazonaws.com", ports: [443]}]
        """);
    Compilation c = compile(texts);
    assertThat(c.documents()).filteredOn(d -> d.kind().equals(SE)).extracting(Document::name)
        .containsExactly("ledger");
  }

  @Test
  void longNamesAreShortenedInNamesLabelsAndHosts() {
    String name = "replicator-" + "x".repeat(60);
    Compilation c = compile("""
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeMeshMember
        metadata: {name: %s, namespace: ops}
        spec:
          target: {selector: {labels: {app: replicator}}}
          egress: [{cidr: "10.9.0.1", ports: [5432]}]
        """.formatted(name));
    Document se = c.documents().stream().filter(d -> d.kind().equals(SE)).findFirst().orElseThrow();
    assertThat(se.name()).hasSize(63).startsWith("replicator-");
    String host = se.json().at("/spec/hosts/0").asText();
    assertThat(host).isEqualTo(se.name() + ".external");
    Document ap = c.documents().stream().filter(d -> d.name().startsWith("allow-to-")).findFirst().orElseThrow();
    assertThat(ap.name()).hasSize(63).matches("allow-to-replicator-x+-[0-9a-f]{10}");
    assertThat(ap.json().at("/metadata/labels/app.kubernetes.io~1name").asText()).hasSize(63);
  }
}

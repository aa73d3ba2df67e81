package dev.lattice.emit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.diagnostics.Codes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The namespace's shared Gateway, its routes, Certificates and the policies that let the gateway in. */
class GatewayDocumentsTest {
  private static String service(String name, String ingress) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: %s, namespace: shop}
        spec:
          workload:
            containers: {main: {image: "nginx:1"}}
            service: {ports: {http: {port: 80, targetPort: 8080}, grpc: {port: 9000}, db: {port: 5432}}}
          ingress:
            routes:
        %s
        """.formatted(name, ingress.indent(6).stripTrailing());
  }

  private static final String WEB = service("web", """
      public: {hosts: [shop.example.com], port: http, tls: {issuerRef: {name: letsencrypt, kind: ClusterIssuer}}}
      plain: {hosts: [shop.example.com], port: http, paths: [/health]}
      rpc: {kind: GRPCRoute, hosts: [rpc.example.com], port: grpc, tls: {secretName: rpc-cert}}
      """);
  private static final String API = service("api", """
      api: {hosts: [shop.example.com], paths: [/api], port: http, tls: {issuerRef: {name: letsencrypt, kind: ClusterIssuer}}}
      pg: {kind: TCPRoute, port: db}
      sni: {kind: TLSRoute, hosts: [secure.example.com], port: grpc}
      """);

  @TempDir
  Path dir;

  /**
   * TCP and TLS routes are compiled (v1, all the v1.6 standard CRDs serve) and each gets a LAT1035
   * warning at its route: the Istio the clusters run (1.26.3) reads TLSRoute v1 only from 1.30 and
   * TCPRoute v1 only from 1.31 (istio/istio#59309, #60766, #61540). HTTP and gRPC routes get none.
   */
  @Test
  void tcpAndTlsRoutesAreCompiledWithAWarningThatTheInstalledIstioDoesNotReadThem() throws Exception {
    Compilation c = Fleets.compile(WEB, API);
    assertThat(c.hasErrors()).isFalse();
    assertThat(c.diagnostics()).filteredOn(d -> d.code().equals("LAT1035"))
        .extracting(d -> d.path() + " " + d.message().contains("TCPRoute") + " " + (d.position().line() > 0))
        .containsExactly("spec.ingress.routes.pg true true", "spec.ingress.routes.sni false true");
    assertThat(c.documents()).extracting(d -> d.kind()).contains("TCPRoute", "TLSRoute");
  }

  @Test
  void oneGatewayHoldsEveryRouteOfTheNamespaceOnSharedListeners() throws Exception {
    Compilation c = Fleets.compile(WEB, API);
    JsonNode gateway = Fleets.body(c, "Gateway", "shop-ingress");
    assertThat(gateway.path("spec").path("gatewayClassName").asText()).isEqualTo("istio");
    List<String> listeners = new ArrayList<>();
    gateway.path("spec").path("listeners").forEach(l -> listeners.add(l.path("name").asText() + " " + l.path("protocol").asText()
        + " " + l.path("port").asInt() + " " + l.path("hostname").asText("*") + " " + l.path("tls").path("mode").asText("-")));
    assertThat(listeners).containsExactly(
        "http-shop.example.com HTTP 80 shop.example.com -",
        "https-rpc.example.com HTTPS 443 rpc.example.com Terminate",
        "https-shop.example.com HTTPS 443 shop.example.com Terminate",
        "tcp-5432 TCP 5432 * -",
        "tls-secure.example.com TLS 443 secure.example.com Passthrough");
    assertThat(Fleets.body(c, "HTTPRoute", "api-api").path("spec").path("parentRefs").get(0).path("sectionName").asText())
        .isEqualTo("https-shop.example.com");
    assertThat(Fleets.body(c, "HTTPRoute", "web-public").path("spec").path("rules").get(0).path("backendRefs").get(0).toString())
        .isEqualTo("{\"name\":\"web\",\"port\":80}");
    assertThat(Fleets.body(c, "GRPCRoute", "web-rpc")).isNotNull();
    assertThat(Fleets.body(c, "TCPRoute", "api-pg").path("spec").has("hostnames")).isFalse();
    assertThat(Fleets.body(c, "TLSRoute", "api-sni").path("spec").path("hostnames").get(0).asText()).isEqualTo("secure.example.com");
    // one Certificate for the issued listener; the GRPC one uses its existing secret
    assertThat(c.documents().stream().filter(d -> d.kind().equals("Certificate")).map(d -> d.name()).toList())
        .containsExactly("shop-ingress-https-shop.example.com");
    assertThat(gateway.path("spec").path("listeners").get(1).path("tls").path("certificateRefs").get(0).path("name").asText())
        .isEqualTo("rpc-cert");
    // the gateway's principal on the routed target ports of each service, nothing else
    JsonNode allowApi = Fleets.body(c, "AuthorizationPolicy", "allow-to-api");
    assertThat(allowApi.path("spec").path("rules").toString())
        .contains("cluster.local/ns/shop/sa/shop-ingress-istio").contains("\"5432\"").contains("\"8080\"").contains("\"9000\"");
    JsonNode allowGateway = Fleets.body(c, "AuthorizationPolicy", "allow-to-shop-ingress");
    assertThat(allowGateway.path("spec").path("rules").toString()).isEqualTo("[{\"to\":[{\"operation\":{\"ports\":[\"80\",\"443\",\"5432\"]}}]}]");
    Path out = dir.resolve("gateway.yaml");
    Files.writeString(out, c.toYaml(), StandardCharsets.UTF_8);
    String report = ConformanceTest.validate(out);
    assertThat(report).as(report).contains(c.documents().size() + " passed, 0 failed");
  }

  @Test
  void theGatewayPrincipalOpensOnlyTheRoutedPorts() {
    Compilation c = Fleets.compile(service("web", "public: {hosts: [shop.example.com], port: http}"));
    JsonNode rules = Fleets.body(c, "AuthorizationPolicy", "allow-to-web").path("spec").path("rules");
    assertThat(rules.toString()).isEqualTo("[{\"from\":[{\"source\":{\"principals\":[\"cluster.local/ns/shop/sa/shop-ingress-istio\"]}}],"
        + "\"to\":[{\"operation\":{\"ports\":[\"8080\"]}}]}]");
  }

  @Test
  void routesTheSharedGatewayCannotHoldAreErrors() {
    String a = service("a", "pg: {kind: TCPRoute, port: db}\nweb: {hosts: [x.example.com], port: http, tls: {secretName: one}}\n"
        + "sni: {kind: TLSRoute, hosts: [x.example.com], port: grpc}");
    String b = service("b", "pg: {kind: TCPRoute, port: db}\nweb: {hosts: [x.example.com], port: http, tls: {secretName: two}}");
    Compilation c = LatticeCompiler.builder().authorizer(dev.lattice.compiler.stage.Authorizer.ALLOW_ALL)
        .emitters(new IstioEmitter()).build().compile(Sources.fromStrings(Map.of("a.yaml", a, "b.yaml", b)));
    assertThat(c.diagnostics()).filteredOn(d -> d.code().equals(Codes.INGRESS_CONFLICT))
        .extracting(d -> d.position().file() + " " + d.path()).containsExactlyInAnyOrder("a.yaml spec.ingress.routes.web",
            "b.yaml spec.ingress.routes.pg", "b.yaml spec.ingress.routes.web");
    assertThat(c.hasErrors()).isTrue();
  }

  @Test
  void theSameRoutesInAnotherOrderGiveTheSameBytes() {
    assertThat(Fleets.compile(Map.of("1.yaml", API, "2.yaml", WEB)).toYaml())
        .isEqualTo(Fleets.compile(Map.of("1.yaml", WEB, "2.yaml", API)).toYaml());
  }
}

package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Severity;
import org.junit.jupiter.api.Test;

/** The checks of the ways in from outside the mesh: ingress routes (LAT1030 and the generic codes), conflicts (LAT1031), advertise (LAT1032). */
class WaysInDiagnosticsTest extends DiagnosticCases {
  private static final String WORKLOAD = """
        workload:
          containers:
            main: {image: registry.example.com/web:1}
          service:
            serviceType: %s
            ports:
              http: {port: 8080}
      """;

  @Test
  void aLoadBalancerServiceReadsWithoutDiagnostics() {
    ReadResult r = read(SERVICE_HEAD + WORKLOAD.formatted("LoadBalancer"));
    assertThat(r.diagnostics()).as(render(r)).isEmpty();
  }

  @Test
  void anHttpsIngressReadsWithoutDiagnostics() {
    ReadResult r = read(SERVICE_HEAD + WORKLOAD.formatted("ClusterIP") + """
          ingress:
            routes:
              public:
                hosts: [web.example.com, "*.web.example.com"]
                paths: [/, /api]
                tls: {issuerRef: {name: letsencrypt, kind: ClusterIssuer}}
              raw: {kind: TCPRoute}
              sni: {kind: TLSRoute, hosts: [tls.example.com]}
        """);
    assertThat(r.diagnostics()).as(render(r)).isEmpty();
  }

  @Test
  void fieldsARouteKindHasNoPlaceForAreReportedAsNotCompiled() {
    ReadResult r = read(SERVICE_HEAD + WORKLOAD.formatted("ClusterIP") + """
          ingress:
            routes:
              raw: {kind: TCPRoute, hosts: [web.example.com], tls: {secretName: web-tls}}
              sni: {kind: TLSRoute, hosts: [tls.example.com], paths: [/x], tls: {secretName: web-tls}}
        """);
    var notCompiled = r.diagnostics().stream().filter(d -> d.code().equals(Codes.INGRESS_NOT_COMPILED)).toList();
    assertThat(notCompiled).as(render(r)).extracting(d -> d.path())
        .containsExactly("spec.ingress.routes.raw.hosts", "spec.ingress.routes.raw.tls", "spec.ingress.routes.sni.paths",
            "spec.ingress.routes.sni.tls");
    assertThat(notCompiled).allMatch(d -> d.severity() == Severity.WARNING);
    assertThat(r.diagnostics()).as(render(r)).hasSize(4);
  }

  @Test
  void badRoutesAreErrorsWhereTheyAreWritten() {
    ReadResult r = read(SERVICE_HEAD + WORKLOAD.formatted("ClusterIP") + """
          ingress:
            routes:
              a: {kind: UDPRoute}
              b: {port: grpc}
              c: {hosts: [Web.Example.com], paths: [api]}
              d: {hosts: [web.example.com], tls: {}}
              e: {tls: {issuerRef: {name: x, kind: Vault}}}
              f: {kind: TLSRoute}
        """);
    assertThat(r.diagnostics()).as(render(r)).extracting(d -> d.code() + " " + d.path()).containsExactlyInAnyOrder(
        Codes.INVALID_VALUE + " spec.ingress.routes.a.kind",
        Codes.INVALID_VALUE + " spec.ingress.routes.b.port",
        Codes.INVALID_NAME + " spec.ingress.routes.c.hosts[0]",
        Codes.INVALID_VALUE + " spec.ingress.routes.c.paths[0]",
        Codes.MISSING_FIELD + " spec.ingress.routes.d.tls",
        Codes.INVALID_VALUE + " spec.ingress.routes.e.tls.issuerRef.kind",
        Codes.MISSING_FIELD + " spec.ingress.routes.e.tls",
        Codes.MISSING_FIELD + " spec.ingress.routes.f.hosts");
    assertAt(r.diagnostics().stream().filter(d -> d.path().equals("spec.ingress.routes.b.port")).findFirst().orElseThrow(),
        Severity.ERROR, 16, 17, "spec.ingress.routes.b.port");
  }

  @Test
  void aLoadBalancerWithAnIngressIsAnErrorAtTheServiceType() {
    ReadResult r = read(SERVICE_HEAD + WORKLOAD.formatted("NodePort") + """
          ingress:
            routes:
              public: {hosts: [web.example.com]}
        """);
    assertAt(single(r, Codes.EXPOSURE_CONFLICT), Severity.ERROR, 10, 20, "spec.workload.service.serviceType");
    assertThat(r.diagnostics()).as(render(r)).hasSize(1);
  }

  @Test
  void advertiseIsReportedAsNotCompiled() {
    ReadResult r = read(SERVICE_HEAD + WORKLOAD.formatted("LoadBalancer") + """
          advertise:
            allowedServices: ["*"]
        """);
    assertAt(single(r, Codes.ADVERTISE_NOT_COMPILED), Severity.WARNING, 14, 5, "spec.advertise");
  }
}

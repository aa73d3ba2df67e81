package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Severity;
import org.junit.jupiter.api.Test;

/** The ways in from outside the mesh that are read but not compiled, or that contradict each other (LAT1030–LAT1032). */
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
  void ingressIsReportedAsNotCompiledNamingItsRoutes() {
    ReadResult r = read(SERVICE_HEAD + WORKLOAD.formatted("ClusterIP") + """
          ingress:
            routes:
              public: {hosts: [web.example.com], port: http}
        """);
    var d = single(r, Codes.INGRESS_NOT_COMPILED);
    assertAt(d, Severity.WARNING, 14, 5, "spec.ingress");
    assertThat(d.message()).contains("routes public").contains("not compiled");
    assertThat(r.diagnostics()).as(render(r)).hasSize(1);
  }

  @Test
  void aLoadBalancerWithAnIngressIsAnErrorAtTheServiceType() {
    ReadResult r = read(SERVICE_HEAD + WORKLOAD.formatted("NodePort") + """
          ingress:
            routes:
              public: {hosts: [web.example.com]}
        """);
    assertAt(single(r, Codes.EXPOSURE_CONFLICT), Severity.ERROR, 10, 20, "spec.workload.service.serviceType");
    single(r, Codes.INGRESS_NOT_COMPILED);
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

package dev.lattice.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import org.junit.jupiter.api.Test;

/** Mesh-member ports that take plaintext: compiled with a selector, reported without one (LAT1033). */
class WaysInPlanTest {
  private static String member(String target, boolean ambient) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeMeshMember
        metadata: {name: hook, namespace: ops}
        spec:
          target: %s
          ambient: %s
          ports:
            - {port: 9443, name: webhook, peerAuth: Webhook}
            - {port: 8080, name: ui, peerAuth: Permissive}
            - {port: 9090, name: api}
        """.formatted(target, ambient);
  }

  @Test
  void aWholeNamespaceAmbientMemberCannotTakePlaintextOnOnePort() {
    Compilation c = PipelineTest.compile(member("{namespace: ops}", true));
    var found = c.diagnostics().stream().filter(d -> d.code().equals(Codes.PLAINTEXT_NEEDS_SELECTOR)).toList();
    assertThat(found).extracting(Diagnostic::path).containsExactly("spec.ports[0].peerAuth", "spec.ports[1].peerAuth");
    assertThat(found).allSatisfy(d -> assertThat(d.isError()).isFalse());
    assertThat(found.get(0).position().line()).isEqualTo(8);
  }

  @Test
  void outsideTheAmbientMeshAWholeNamespaceMemberNeedsNoSelector() {
    Compilation c = PipelineTest.compile(member("{namespace: ops}", false));
    assertThat(c.diagnostics()).extracting(Diagnostic::code).doesNotContain(Codes.PLAINTEXT_NEEDS_SELECTOR);
  }

  @Test
  void aSelectedMemberCompilesWithoutDiagnostics() {
    Compilation c = PipelineTest.compile(member("{selector: {labels: {app: hook}}}", true));
    assertThat(c.diagnostics()).isEmpty();
  }

  private static String legacyCaller() {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeMeshMember
        metadata: {name: legacy, namespace: ops}
        spec:
          target: {selector: {labels: {app: legacy}}}
          ambient: false
          dependencies: [{name: web}]
        """;
  }

  private static String web(String serviceType) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: web, namespace: ops}
        spec:
          workload:
            containers: {main: {image: "img/web:1"}}
            service:
              serviceType: %s
              ports:
                http: {port: 80, targetPort: 8080}
                admin: {port: 9000}
            resources:
              legacy: {type: service, direction: inbound}
        """.formatted(serviceType);
  }

  @Test
  void aCallerOutsideTheMeshIsWarnedOfTheL7RefusalOnlyWhereThePortsRefusePlaintext() {
    var closed = PipelineTest.compile(legacyCaller(), web("ClusterIP")).diagnostics().stream()
        .filter(d -> d.code().equals(Codes.MESH_MISMATCH)).toList();
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).message()).contains("rejected at L7").doesNotContain("take plaintext");
    var open = PipelineTest.compile(legacyCaller(), web("LoadBalancer")).diagnostics().stream()
        .filter(d -> d.code().equals(Codes.MESH_MISMATCH)).toList();
    assertThat(open).as("every port of a load-balanced service takes plaintext").isEmpty();
  }
}

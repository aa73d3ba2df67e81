package dev.lattice.compiler.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster gate: a cluster's top-level {@code environment} and {@code region} are attributes of
 * its {@code Lattice::Cluster} entity, so a policy can permit provisioning by them; a policy set that
 * never names {@code ProvisionCluster} leaves clusters ungated.
 */
class ClusterGateTest {
  static String cluster(String name, String environment, String region) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeCluster
        metadata: {name: %s}
        spec:
          environment: %s
          region: %s
          provider:
            kubernetes: {version: 1.32.0}
            config: {docker: {}}
          nodes:
            controlPlane: {replicas: 1}
            workerPools: {default: {replicas: 1}}
        """.formatted(name, environment, region);
  }

  static String policy(String text) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: CedarPolicy
        metadata: {name: clusters, namespace: lattice-system}
        spec:
          policies: |
            %s
        """.formatted(text);
  }

  static final String PRODUCTION_ONLY = "permit(principal, action == Lattice::Action::\"ProvisionCluster\", resource) "
      + "when { resource.environment == \"production\" && resource.region == \"eu-west-1\" };";

  static List<Diagnostic> errors(String... docs) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < docs.length; i++) {
      files.put("f" + i + ".yaml", docs[i]);
    }
    Compilation c = LatticeCompiler.builder().emitters(List.of()).build().compile(Sources.fromStrings(files));
    return c.diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  @Test
  void aPolicyOnTheClustersEnvironmentPermitsThatClusterAndDeniesAnother() {
    assertThat(errors(cluster("prod", "production", "eu-west-1"), policy(PRODUCTION_ONLY))).isEmpty();
    assertThat(errors(cluster("staging", "staging", "eu-west-1"), policy(PRODUCTION_ONLY))).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Codes.DENIED);
      assertThat(d.message()).contains("Lattice::CloudProvider::\"\" Lattice::Action::\"ProvisionCluster\" Lattice::Cluster::\"staging\"");
      assertThat(d.position().line()).isEqualTo(3);
      assertThat(d.hint().orElseThrow()).contains("ProvisionCluster");
    });
    assertThat(errors(cluster("prod-us", "production", "us-east-1"), policy(PRODUCTION_ONLY))).hasSize(1);
  }

  @Test
  void aForbidOnTheEnvironmentBeatsAPermitAll() {
    String text = "permit(principal, action, resource);\n    forbid(principal, action == Lattice::Action::\"ProvisionCluster\", "
        + "resource) when { resource.environment == \"production\" };";
    assertThat(errors(cluster("prod", "production", "eu-west-1"), policy(text))).singleElement()
        .satisfies(d -> assertThat(d.hint().orElseThrow()).contains("a forbid beats every permit"));
    assertThat(errors(cluster("dev", "dev", "eu-west-1"), policy(text))).isEmpty();
  }

  @Test
  void policiesThatNeverNameTheActionLeaveClustersUngated() {
    assertThat(errors(cluster("any", "staging", "eu-west-1"))).isEmpty();
    assertThat(errors(cluster("any", "staging", "eu-west-1"),
        policy("permit(principal, action == Lattice::Action::\"SkipImageVerification\", resource);"))).isEmpty();
  }
}

package dev.lattice.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Plaintext callers against the PeerAuthentications as istiod merges them for ambient workloads:
 * workload port level, then the workload policy's mode, then namespace, then root namespace, then
 * PERMISSIVE; DISABLE counts as PERMISSIVE; several workload policies fail closed.
 */
class PeerAuthenticationTest {
  private static final Workload API = Workload.of("shop", "api", true, 8080, 9090);
  private static final Workload LEGACY = Workload.of("shop", "legacy", false);
  private static final External WORLD = External.ip("203.0.113.9", 0);

  private static final String ROOT_STRICT = """
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: istio-system}
      spec: {mtls: {mode: STRICT}}
      ---
      """;

  private static String workload(String name, String mtls, String portLevel) {
    return """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: %s, namespace: shop}
        spec:
          selector: {matchLabels: {app.kubernetes.io/name: api}}
          %s
          portLevelMtls: %s
        ---
        """.formatted(name, mtls, portLevel);
  }

  @Test
  void withoutAnyPolicyPlaintextIsAccepted() {
    assertThat(Fixtures.sim("").l7FromExternal(WORLD, API, 8080).allowed()).isTrue();
  }

  @Test
  void aMeshWideStrictPolicyRefusesPlaintextFromOutsideAndFromPodsOutsideTheMesh() {
    PolicySimulator sim = Fixtures.sim(ROOT_STRICT);
    Verdict v = sim.l7FromExternal(WORLD, API, 8080);
    assertThat(v.allowed()).isFalse();
    assertThat(v.documents()).containsExactly("PeerAuthentication/istio-system/default");
    assertThat(sim.l7(LEGACY, API, 8080).allowed()).isFalse();
    assertThat(sim.l7(Workload.of("shop", "web", true), API, 8080).allowed()).as("mTLS is unaffected").isTrue();
  }

  @Test
  void aPortLevelPermissiveOpensThatPortOnly() {
    PolicySimulator sim = Fixtures.sim(ROOT_STRICT + workload("plaintext-api", "mtls: {mode: STRICT}", "{\"8080\": {mode: PERMISSIVE}}"));
    assertThat(sim.l7FromExternal(WORLD, API, 8080).allowed()).isTrue();
    assertThat(sim.l7FromExternal(WORLD, API, 9090).allowed()).isFalse();
  }

  @Test
  void anUnsetWorkloadModeInheritsTheNamespaceOrMeshMode() {
    PolicySimulator sim = Fixtures.sim(ROOT_STRICT + workload("p", "mtls: {}", "{\"8080\": {mode: DISABLE}}"));
    assertThat(sim.l7FromExternal(WORLD, API, 8080).allowed()).as("DISABLE is PERMISSIVE in ambient").isTrue();
    assertThat(sim.l7FromExternal(WORLD, API, 9090).allowed()).as("inherits STRICT").isFalse();
  }

  @Test
  void aNamespacePolicyOverridesTheRootOne() {
    PolicySimulator sim = Fixtures.sim(ROOT_STRICT + """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: shop}
        spec: {mtls: {mode: PERMISSIVE}}
        """);
    assertThat(sim.l7FromExternal(WORLD, API, 9090).allowed()).isTrue();
  }

  @Test
  void aSelectorPolicyInTheRootNamespaceIsIgnored() {
    PolicySimulator sim = Fixtures.sim(ROOT_STRICT + """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: api, namespace: istio-system}
        spec:
          selector: {matchLabels: {app.kubernetes.io/name: api}}
          portLevelMtls: {"8080": {mode: PERMISSIVE}}
        """);
    assertThat(sim.l7FromExternal(WORLD, API, 8080).allowed()).isFalse();
  }

  @Test
  void twoWorkloadPoliciesThatDisagreeFailClosed() {
    PolicySimulator sim = Fixtures.sim(ROOT_STRICT
        + workload("a", "mtls: {mode: STRICT}", "{\"8080\": {mode: PERMISSIVE}}")
        + workload("b", "mtls: {mode: STRICT}", "{\"9090\": {mode: PERMISSIVE}}"));
    Verdict v = sim.l7FromExternal(WORLD, API, 8080);
    assertThat(v.allowed()).as(v.reason()).isFalse();
    assertThat(v.reason()).contains("several select it");
  }
}

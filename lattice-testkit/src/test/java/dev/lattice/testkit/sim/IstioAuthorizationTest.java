package dev.lattice.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AuthorizationPolicy as the callee's ztunnel enforces it. */
class IstioAuthorizationTest {
  private static final Workload WEB = Workload.of("shop", "web", true, 8080);
  private static final Workload API = Workload.of("shop", "api", true, 8080);
  private static final Workload PAY = Workload.of("pay", "pay", true, 9090);

  private static final String MESH_DENY_ALL = """
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-all, namespace: istio-system}
      spec: {}
      ---
      """;

  private static PolicySimulator allowToApi(String rule) {
    return Fixtures.sim(MESH_DENY_ALL + """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: allow-to-api, namespace: shop}
        spec:
          selector: {matchLabels: {app.kubernetes.io/name: api}}
          action: ALLOW
          rules:
          - %s
        """.formatted(rule));
  }

  @ParameterizedTest(name = "principals {0}")
  @CsvSource({
      "cluster.local/ns/shop/sa/web, true, false",
      "cluster.local/ns/shop/sa/*, true, false",
      "*/sa/web, true, false",
      "cluster.local/ns/*, true, true",
      "*, true, true",
      "cluster.local/ns/shop/sa/we, false, false",
      "spiffe://cluster.local/ns/shop/sa/web, false, false",
  })
  void principalWildcards(String principal, boolean web, boolean pay) {
    PolicySimulator sim = allowToApi("from: [{source: {principals: ['" + principal + "']}}]");
    assertThat(sim.l7(WEB, API, 8080).allowed()).as("web").isEqualTo(web);
    assertThat(sim.l7(PAY, API, 8080).allowed()).as("pay").isEqualTo(pay);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "from: [{source: {namespaces: [pay]}}]                              | false | true",
      "from: [{source: {namespaces: ['sh*']}}]                            | true  | false",
      "from: [{source: {notPrincipals: [cluster.local/ns/shop/sa/web]}}]  | false | true",
      "from: [{source: {notNamespaces: [shop]}}]                          | false | true",
      "from: [{source: {serviceAccounts: [shop/web]}}]                    | true  | false",
      "to: [{operation: {ports: ['8080']}}]                               | true  | true",
      "to: [{operation: {ports: ['9090']}}]                               | false | false",
      "to: [{operation: {notPorts: ['8080']}}]                            | false | false",
      "{}                                                                 | true  | true",
      "when: [{key: source.namespace, values: [pay]}]                     | false | true",
      "when: [{key: 'request.headers[x-id]', values: [a]}]                | false | false",
      "to: [{operation: {methods: [GET]}}]                                | false | false",
      "from: [{source: {requestPrincipals: ['*']}}]                       | false | false",
  })
  void ruleClauses(String rule, boolean web, boolean pay) {
    PolicySimulator sim = allowToApi(rule);
    assertThat(sim.l7(WEB, API, 8080).allowed()).as("web").isEqualTo(web);
    assertThat(sim.l7(PAY, API, 8080).allowed()).as("pay").isEqualTo(pay);
  }

  @Test
  void trustDomainComesFromTheOptions() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: allow-to-api, namespace: shop}
        spec:
          selector: {matchLabels: {app.kubernetes.io/name: api}}
          rules: [{from: [{source: {principals: [prod.example/ns/shop/sa/web]}}]}]
        """, SimulatorOptions.defaults().withTrustDomain("prod.example"));
    assertThat(sim.l7(WEB, API, 8080).allowed()).isTrue();
  }

  @Test
  void rootNamespaceEmptySpecDeniesEverything() {
    PolicySimulator sim = Fixtures.sim(MESH_DENY_ALL);
    Verdict v = sim.l7(WEB, API, 8080);
    assertThat(v.denied()).isTrue();
    assertThat(v.documents()).containsExactly("AuthorizationPolicy/istio-system/deny-all");
    assertThat(sim.l7(API, PAY, 9090).denied()).isTrue();
  }

  @Test
  void emptySpecOutsideTheRootNamespaceOnlyCoversItsNamespace() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny-all, namespace: shop}
        spec: {}
        """);
    assertThat(sim.l7(PAY, API, 8080).denied()).isTrue();
    assertThat(sim.l7(WEB, PAY, 9090).allowed()).isTrue();
  }

  @Test
  void noPolicyMeansAllow() {
    Verdict v = Fixtures.sim("").l7(WEB, API, 8080);
    assertThat(v.allowed()).isTrue();
    assertThat(v.documents()).isEmpty();
  }

  @Test
  void denyIsEvaluatedBeforeAllow() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: allow-all, namespace: shop}
        spec:
          rules: [{}]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny-web, namespace: istio-system}
        spec:
          action: DENY
          rules: [{from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]}]
        """);
    Verdict web = sim.l7(WEB, API, 8080);
    assertThat(web.denied()).isTrue();
    assertThat(web.documents()).containsExactly("AuthorizationPolicy/istio-system/deny-web");
    Verdict pay = sim.l7(PAY, API, 8080);
    assertThat(pay.allowed()).isTrue();
    assertThat(pay.documents()).containsExactly("AuthorizationPolicy/shop/allow-all");
  }

  @Test
  void denyRulesFailSafeOnAttributesZtunnelCannotSee() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny-get, namespace: shop}
        spec:
          action: DENY
          rules:
          - from: [{source: {namespaces: [pay]}}]
            to: [{operation: {methods: [GET]}}]
        """);
    assertThat(sim.l7(PAY, API, 8080).denied()).isTrue();
    assertThat(sim.l7(WEB, API, 8080).allowed()).isTrue();
  }

  @Test
  void rootNamespaceSelectorAppliesInEveryNamespace() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: only-web, namespace: istio-system}
        spec:
          selector: {matchLabels: {tier: core}}
          rules: [{from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]}]
        """);
    Workload corePay = PAY.withLabels(Map.of("tier", "core"));
    assertThat(sim.l7(API, corePay, 9090).denied()).isTrue();
    assertThat(sim.l7(WEB, corePay, 9090).allowed()).isTrue();
    assertThat(sim.l7(API, PAY, 9090).allowed()).as("not selected").isTrue();
  }

  @Test
  void selectorInAnotherNamespaceDoesNotReach() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny-all-api, namespace: pay}
        spec:
          selector: {matchLabels: {app.kubernetes.io/name: api}}
        """);
    assertThat(sim.l7(WEB, API, 8080).allowed()).isTrue();
  }

  @Test
  void attachedPoliciesAndCustomActionsAreIgnored() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: waypoint, namespace: shop}
        spec:
          targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: waypoint}]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: ext-authz, namespace: shop}
        spec:
          action: CUSTOM
          provider: {name: opa}
          rules: [{}]
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec: {mtls: {mode: STRICT}}
        """);
    Verdict v = sim.l7(WEB, API, 8080);
    assertThat(v.allowed()).isTrue();
    assertThat(v.reason()).contains("CUSTOM/AUDIT policies ignored");
  }

  @Test
  void calleeOutsideTheMeshHasNoL7Layer() {
    Verdict v = Fixtures.sim(MESH_DENY_ALL).l7(WEB, API.withAmbient(false), 8080);
    assertThat(v.applies()).isFalse();
    assertThat(v.allowed()).isFalse();
    assertThat(v.denied()).isFalse();
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.NOT_APPLICABLE);
    assertThat(v.reason()).contains("not in the ambient mesh");
  }

  @Test
  void callerOutsideTheMeshHasNoPrincipal() {
    PolicySimulator sim = allowToApi("from: [{source: {principals: ['*']}}]");
    Verdict v = sim.l7(WEB.withAmbient(false), API, 8080);
    assertThat(v.denied()).isTrue();
    assertThat(v.reason()).contains("no peer identity");
    assertThat(allowToApi("from: [{source: {notPrincipals: [x]}}]")
        .l7(WEB.withAmbient(false), API, 8080).allowed()).isTrue();
  }

  @Test
  void l7UsesTheTargetPortNotHbone() {
    PolicySimulator sim = allowToApi("to: [{operation: {ports: ['15008']}}]");
    assertThat(sim.l7(WEB, API, 8080).denied()).isTrue();
  }
}

package dev.lattice.testkit.sim;

import static dev.lattice.testkit.sim.Fixtures.API;
import static dev.lattice.testkit.sim.Fixtures.PAY;
import static dev.lattice.testkit.sim.Fixtures.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Namespace scoping of CNP vs CCNP, label prefixes and matchExpressions. */
class CiliumSelectorTest {

  /** Same-named workload in another namespace. */
  private static final Workload OTHER_WEB = Workload.of("other", "web", false, 8080);

  @Test
  void namespacedPolicySelectsOnlyPodsOfItsNamespace() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: deny-web-egress, namespace: other}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
          egress:
          - toEndpoints: []
        """);
    assertThat(sim.l4(OTHER_WEB, API, 8080).denied()).isTrue();
    assertThat(sim.l4(WEB, API, 8080).allowed()).as("shop/web is not selected").isTrue();
  }

  @Test
  void clusterwidePolicySelectsPodsOfEveryNamespace() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: deny-web-egress}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
          egress:
          - toEndpoints: []
        """);
    Verdict v = sim.l4(WEB, API, 8080);
    assertThat(v.denied()).isTrue();
    assertThat(v.documents()).containsExactly("CiliumClusterwideNetworkPolicy/deny-web-egress");
    assertThat(sim.l4(OTHER_WEB, API, 8080).denied()).isTrue();
  }

  static Stream<Arguments> peerScoping() {
    return Stream.of(
        // kind, namespace line, peer selector, shop/web allowed, other/web allowed, pay allowed
        Arguments.of("CiliumNetworkPolicy", "namespace: shop",
            "{matchLabels: {app.kubernetes.io/name: web}}", true, false, false),
        Arguments.of("CiliumNetworkPolicy", "namespace: shop", "{}", true, false, false),
        Arguments.of("CiliumNetworkPolicy", "namespace: shop",
            "{matchLabels: {k8s:io.kubernetes.pod.namespace: other}}", false, true, false),
        Arguments.of("CiliumNetworkPolicy", "namespace: shop",
            "{matchLabels: {io.cilium.k8s.namespace.labels.team: blue}}", false, false, true),
        Arguments.of("CiliumClusterwideNetworkPolicy", "",
            "{matchLabels: {app.kubernetes.io/name: web}}", true, true, false),
        Arguments.of("CiliumClusterwideNetworkPolicy", "", "{}", true, true, true),
        Arguments.of("CiliumClusterwideNetworkPolicy", "",
            "{matchLabels: {io.kubernetes.pod.namespace: pay}}", false, false, true));
  }

  @ParameterizedTest(name = "{0} fromEndpoints {2}")
  @MethodSource("peerScoping")
  void peerSelectorsWithoutNamespaceSelectThePolicyNamespace(String kind, String nsLine,
      String selector, boolean shopWeb, boolean otherWeb, boolean pay) {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: %s
        metadata: {name: api, %s}
        spec:
          endpointSelector:
            matchLabels: {k8s:io.kubernetes.pod.namespace: shop, app.kubernetes.io/name: api}
          ingress:
          - fromEndpoints: [%s]
        """.formatted(kind, nsLine, selector),
        SimulatorOptions.defaults().withNamespaceLabels(Map.of("pay", Map.of("team", "blue"))));
    assertThat(sim.l4(WEB, API, 8080).allowed()).as("shop/web").isEqualTo(shopWeb);
    assertThat(sim.l4(OTHER_WEB, API, 8080).allowed()).as("other/web").isEqualTo(otherWeb);
    assertThat(sim.l4(PAY, API, 8080).allowed()).as("pay/pay").isEqualTo(pay);
  }

  static Stream<Arguments> expressions() {
    return Stream.of(
        Arguments.of("{key: tier, operator: In, values: [front, edge]}", true, false, false),
        Arguments.of("{key: tier, operator: NotIn, values: [front]}", false, true, true),
        Arguments.of("{key: tier, operator: Exists}", true, true, false),
        Arguments.of("{key: k8s:tier, operator: DoesNotExist}", false, false, true),
        Arguments.of("{key: tier, operator: Bogus, values: [front]}", false, false, false),
        Arguments.of("{key: io.cilium.k8s.policy.serviceaccount, operator: In, values: [robot]}",
            false, true, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void matchExpressions(String expression, boolean front, boolean back, boolean plain) {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
          ingress:
          - fromEndpoints:
            - matchExpressions: [%s]
        """.formatted(expression));
    Workload frontPod = Workload.of("shop", "f", false).withLabels(Map.of("tier", "front"));
    Workload backPod = Workload.of("shop", "b", false).withLabels(Map.of("tier", "back"))
        .withServiceAccount("robot");
    Workload plainPod = Workload.of("shop", "p", false);
    assertThat(sim.l4(frontPod, API, 8080).allowed()).as("tier=front").isEqualTo(front);
    assertThat(sim.l4(backPod, API, 8080).allowed()).as("tier=back").isEqualTo(back);
    assertThat(sim.l4(plainPod, API, 8080).allowed()).as("no tier").isEqualTo(plain);
  }

  @Test
  void namespaceDocumentsProvideNamespaceLabels() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: pay, labels: {istio.io/dataplane-mode: ambient}}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: api}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
          ingress:
          - fromEndpoints:
            - matchLabels: {k8s:io.cilium.k8s.namespace.labels.istio.io/dataplane-mode: ambient}
        """);
    assertThat(sim.l4(PAY, API, 8080).allowed()).isTrue();
    assertThat(sim.l4(WEB, API, 8080).allowed()).isFalse();
  }

  @Test
  void policyWithoutEndpointSelectorSelectsNoPod() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: host}
        spec:
          nodeSelector: {}
          ingress:
          - fromEntities: [cluster]
        """);
    assertThat(sim.l4(WEB, API, 8080).allowed()).isTrue();
  }

  @Test
  void specsListIsReadLikeSpec() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: two, namespace: shop}
        specs:
        - endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
          ingress: [{fromEndpoints: [{matchLabels: {app.kubernetes.io/name: web}}]}]
        - endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
          egress: [{toEndpoints: [{matchLabels: {app.kubernetes.io/name: db}}]}]
        """);
    assertThat(sim.l4(WEB, API, 8080).allowed()).as("web egress only allows db").isFalse();
    assertThat(sim.l4(WEB, Fixtures.DB, 5432).allowed()).isTrue();
  }
}

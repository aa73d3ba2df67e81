package dev.lattice.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small fleet in the shape DESIGN.md §3 describes (platform default deny at both layers, one
 * agreed edge web -> api), checked at both layers; and robustness on documents it cannot use.
 */
class LatticeShapeTest {
  private static final Workload WEB = Workload.of("shop", "web", true, 8080);
  private static final Workload API = Workload.of("shop", "api", true, 8080);
  private static final Workload DB = Workload.of("shop", "db", true, 5432);

  private static final String FLEET = """
      apiVersion: cilium.io/v2
      kind: CiliumClusterwideNetworkPolicy
      metadata: {name: lattice-default-deny}
      spec:
        endpointSelector:
          matchExpressions:
          - key: k8s:io.kubernetes.pod.namespace
            operator: NotIn
            values: [kube-system, istio-system, cilium-system, lattice-system]
        ingress:
        - fromCIDR: [169.254.7.127/32]
        egress:
        - toEndpoints:
          - matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s:k8s-app: kube-dns}
          toPorts: [{ports: [{port: "53", protocol: ANY}]}]
        - toEntities: [kube-apiserver]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: mesh-default-deny, namespace: istio-system}
      spec: {}
      ---
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
        ingress:
        - fromEndpoints:
          - matchLabels: {k8s:io.kubernetes.pod.namespace: shop, app.kubernetes.io/name: web}
          toPorts: [{ports: [{port: "15008", protocol: TCP}]}]
      ---
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
        egress:
        - toEndpoints:
          - matchLabels: {k8s:io.kubernetes.pod.namespace: shop, app.kubernetes.io/name: api}
          toPorts: [{ports: [{port: "15008", protocol: TCP}]}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: allow-to-api, namespace: shop}
      spec:
        selector: {matchLabels: {app.kubernetes.io/name: api}}
        action: ALLOW
        rules:
        - from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]
          to: [{operation: {ports: ["8080"]}}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: shop}
      spec: {replicas: 1}
      """;

  @Test
  void agreedEdgeIsAllowedAtBothLayers() {
    PolicySimulator sim = Fixtures.sim(FLEET);
    Verdict l4 = sim.l4(WEB, API, 8080);
    Verdict l7 = sim.l7(WEB, API, 8080);
    assertThat(l4.allowed()).as(l4.reason()).isTrue();
    assertThat(l4.documents())
        .containsExactly("CiliumNetworkPolicy/shop/api", "CiliumNetworkPolicy/shop/web");
    assertThat(l7.allowed()).as(l7.reason()).isTrue();
    assertThat(l7.documents()).containsExactly("AuthorizationPolicy/shop/allow-to-api");
  }

  @Test
  void everythingElseIsDeniedAtBothLayers() {
    PolicySimulator sim = Fixtures.sim(FLEET);
    for (Workload[] edge : new Workload[][] {{API, WEB}, {DB, API}, {WEB, DB}}) {
      assertThat(sim.l4(edge[0], edge[1], 8080).denied()).as("L4 %s", List.of(edge)).isTrue();
      assertThat(sim.l7(edge[0], edge[1], 8080).denied()).as("L7 %s", List.of(edge)).isTrue();
    }
    assertThat(sim.l7(WEB, API, 9090).denied()).as("other port").isTrue();
  }

  @Test
  void platformPathsStayOpen() {
    PolicySimulator sim = Fixtures.sim(FLEET);
    Workload dns = new Workload("kube-system", "coredns",
        java.util.Map.of("k8s-app", "kube-dns"), "coredns", false, List.of(53));
    assertThat(sim.l4(WEB, dns, 53).allowed()).isTrue();
    assertThat(sim.l4External(DB, External.host("kubernetes.default.svc", 443)).allowed()).isTrue();
    assertThat(sim.l4FromExternal(External.ip("169.254.7.127", 0), DB, 5432).allowed()).isTrue();
    assertThat(sim.l4External(DB, External.host("example.com", 443)).denied()).isTrue();
  }

  @Test
  void malformedOrForeignDocumentsDoNotCrash() {
    List<JsonNode> docs = Fixtures.docs("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: odd}
        spec: "not an object"
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: odd2, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
          ingress: {not: a-list}
          egress: [{toPorts: [{ports: [{port: "99999999999", endPort: x}]}], toCIDR: ["bad/cidr"]}]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: odd3}
        spec: {rules: [{from: "nope", when: [{}]}], action: ""}
        ---
        just: a scalar map
        ---
        - a list
        """);
    assertThatCode(() -> {
      PolicySimulator sim = PolicySimulator.of(docs, SimulatorOptions.defaults());
      sim.l4(WEB, API, 8080);
      sim.l4External(API, External.ip("10.0.0.1", 1));
      sim.l7(WEB, API.withLabels(java.util.Map.of()), 8080);
    }).doesNotThrowAnyException();
  }
}

package dev.lattice.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Between two ambient workloads L4 is evaluated on the HBONE port 15008. */
class AmbientHboneTest {

  /** The Lattice shape: api admits web on 15008 (ambient) and on 8080 (outside the mesh). */
  private static final String POLICIES = """
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
        ingress:
        - fromEndpoints: [{matchLabels: {app.kubernetes.io/name: web}}]
          toPorts: [{ports: [{port: "15008", protocol: TCP}]}]
      ---
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
        egress:
        - toEndpoints: [{matchLabels: {app.kubernetes.io/name: api}}]
          toPorts: [{ports: [{port: "15008", protocol: TCP}]}]
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        // web ambient, api ambient, hbone option, allowed on target port 8080
        Arguments.of(true, true, true, true),
        Arguments.of(true, false, true, false),
        Arguments.of(false, true, true, false),
        Arguments.of(false, false, true, false),
        Arguments.of(true, true, false, false));
  }

  @ParameterizedTest(name = "web ambient={0}, api ambient={1}, hbone={2}")
  @MethodSource("cases")
  void meshedPairsAreEvaluatedOnHbone(boolean webAmbient, boolean apiAmbient, boolean hbone,
      boolean allowed) {
    Workload web = Workload.of("shop", "web", webAmbient, 8080);
    Workload api = Workload.of("shop", "api", apiAmbient, 8080);
    PolicySimulator sim = Fixtures.sim(POLICIES, SimulatorOptions.defaults().withHbone(hbone));
    Verdict v = sim.l4(web, api, 8080);
    assertThat(v.allowed()).isEqualTo(allowed);
    assertThat(v.reason().contains("HBONE port 15008")).isEqualTo(webAmbient && apiAmbient && hbone);
  }

  @Test
  void targetPortRuleDoesNotAdmitAMeshedCaller() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
          ingress:
          - fromEndpoints: [{matchLabels: {app.kubernetes.io/name: web}}]
            toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
        """);
    Workload web = Workload.of("shop", "web", true, 8080);
    Workload api = Workload.of("shop", "api", true, 8080);
    assertThat(sim.l4(web, api, 8080).denied()).isTrue();
    assertThat(sim.l4(web.withAmbient(false), api, 8080).allowed()).isTrue();
  }

  private static final String WEB_TO_STRIPE = """
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
        egress:
        - toFQDNs: [{matchName: api.stripe.com}]
          toPorts: [{ports: [{port: "443", protocol: TCP}]}]
      """;

  private static String webDeployment(String annotations) {
    return """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app.kubernetes.io/name: web}
              annotations: %s
            spec: {containers: [{name: web, image: web}]}
        """.formatted(annotations);
  }

  @Test
  void externalTrafficFromAnAmbientPodUsesTheRealPort() {
    PolicySimulator sim = Fixtures.sim(WEB_TO_STRIPE + webDeployment("{ambient.istio.io/dns-capture: \"false\"}"));
    Workload web = Workload.of("shop", "web", true, 8080);
    assertThat(sim.l4External(web, External.host("api.stripe.com", 443)).allowed()).isTrue();
  }

  @Test
  void toFqdnsLearnsNothingWhileZtunnelAnswersThePodsDns() {
    Workload web = Workload.of("shop", "web", true, 8080);
    for (String docs : java.util.List.of(WEB_TO_STRIPE, WEB_TO_STRIPE + webDeployment("{}"))) {
      Verdict v = Fixtures.sim(docs).l4External(web, External.host("api.stripe.com", 443));
      assertThat(v.denied()).as(docs).isTrue();
      assertThat(v.reason()).contains("ambient DNS capture");
    }
    // outside the mesh the pod resolves through kube-dns, which Cilium's DNS proxy sees
    assertThat(Fixtures.sim(WEB_TO_STRIPE).l4External(web.withAmbient(false), External.host("api.stripe.com", 443))
        .allowed()).isTrue();
  }
}

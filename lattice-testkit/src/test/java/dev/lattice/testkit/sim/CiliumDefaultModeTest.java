package dev.lattice.testkit.sim;

import static dev.lattice.testkit.sim.Fixtures.API;
import static dev.lattice.testkit.sim.Fixtures.DB;
import static dev.lattice.testkit.sim.Fixtures.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Default-allow until selected, default-deny after, and how empty rules and lists behave. */
class CiliumDefaultModeTest {

  private static final String HEADER = """
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        endpointSelector:
          matchLabels: {app.kubernetes.io/name: api}
      """;

  static Stream<Arguments> ingressCases() {
    return Stream.of(
        // name, spec lines under the header, web->api allowed, db->api allowed
        Arguments.of("no policy at all", null, true, true),
        Arguments.of("allow from web only", """
              ingress:
              - fromEndpoints:
                - matchLabels: {app.kubernetes.io/name: web}
            """, true, false),
        Arguments.of("empty ingress list does not select", """
              ingress: []
            """, true, true),
        Arguments.of("null ingress does not select", """
              ingress:
            """, true, true),
        Arguments.of("empty rule has no L3/L4 constraint: allows all", """
              ingress:
              - {}
            """, true, true),
        Arguments.of("explicitly empty fromEndpoints selects nothing", """
              ingress:
              - fromEndpoints: []
            """, false, false),
        Arguments.of("explicitly empty fromEntities selects nothing", """
              ingress:
              - fromEntities: []
            """, false, false),
        Arguments.of("enableDefaultDeny false keeps default allow", """
              enableDefaultDeny: {ingress: false}
              ingress:
              - fromEndpoints:
                - matchLabels: {app.kubernetes.io/name: web}
            """, true, true),
        Arguments.of("enableDefaultDeny true without rules has no effect", """
              enableDefaultDeny: {ingress: true}
              egress:
              - toEntities: [all]
            """, true, true),
        Arguments.of("toPorts-only rule allows any peer on that port", """
              ingress:
              - toPorts:
                - ports: [{port: "8080", protocol: TCP}]
            """, true, true),
        Arguments.of("toPorts-only rule on another port", """
              ingress:
              - toPorts:
                - ports: [{port: "9999", protocol: TCP}]
            """, false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ingressCases")
  void ingressDefaults(String name, String spec, boolean webAllowed, boolean dbAllowed) {
    PolicySimulator sim = Fixtures.sim(spec == null ? "" : HEADER + spec);
    assertThat(sim.l4(WEB, API, 8080).allowed()).as("web -> api").isEqualTo(webAllowed);
    assertThat(sim.l4(DB, API, 8080).allowed()).as("db -> api").isEqualTo(dbAllowed);
  }

  @Test
  void unselectedEndpointIsAllowedWithNoDecidingDocuments() {
    Verdict v = Fixtures.sim(HEADER + "  ingress: [{fromEndpoints: [{}]}]\n").l4(API, DB, 5432);
    assertThat(v.allowed()).isTrue();
    assertThat(v.documents()).isEmpty();
    assertThat(v.reason()).contains("not in default deny for egress", "not in default deny for ingress");
  }

  @Test
  void selectedEndpointIsDeniedNamingTheSelectingPolicy() {
    Verdict v = Fixtures.sim(HEADER + """
          ingress:
          - fromEndpoints:
            - matchLabels: {app.kubernetes.io/name: web}
        """).l4(DB, API, 8080);
    assertThat(v.denied()).isTrue();
    assertThat(v.documents()).containsExactly("CiliumNetworkPolicy/shop/api");
    assertThat(v.reason()).contains("default deny for ingress");
  }

  @Test
  void ingressPolicyLeavesEgressDefaultAllow() {
    PolicySimulator sim = Fixtures.sim(HEADER + "  ingress: [{fromEndpoints: [{}]}]\n");
    assertThat(sim.l4(API, DB, 5432).allowed()).isTrue();
  }

  @Test
  void egressDefaultDenyAtTheSourceBlocksEvenWhenTheDestinationAllows() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
          egress:
          - toEndpoints: [{matchLabels: {app.kubernetes.io/name: api}}]
            toPorts: [{ports: [{port: "8080"}]}]
        """);
    assertThat(sim.l4(WEB, API, 8080).allowed()).isTrue();
    assertThat(sim.l4(WEB, API, 8081).allowed()).isFalse();
    Verdict toDb = sim.l4(WEB, DB, 5432);
    assertThat(toDb.denied()).isTrue();
    assertThat(toDb.documents()).containsExactly("CiliumNetworkPolicy/shop/web");
  }

  @Test
  void allowedVerdictNamesBothSides() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
          egress:
          - toEndpoints: [{matchLabels: {app.kubernetes.io/name: api}}]
        ---
        """ + HEADER + """
          ingress:
          - fromEndpoints: [{matchLabels: {app.kubernetes.io/name: web}}]
        """);
    Verdict v = sim.l4(WEB, API, 8080);
    assertThat(v.allowed()).isTrue();
    assertThat(v.documents())
        .containsExactly("CiliumNetworkPolicy/shop/api", "CiliumNetworkPolicy/shop/web");
  }
}

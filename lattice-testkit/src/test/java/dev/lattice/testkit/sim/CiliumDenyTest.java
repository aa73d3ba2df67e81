package dev.lattice.testkit.sim;

import static dev.lattice.testkit.sim.Fixtures.API;
import static dev.lattice.testkit.sim.Fixtures.DB;
import static dev.lattice.testkit.sim.Fixtures.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ingressDeny/egressDeny take precedence over every allow. */
class CiliumDenyTest {

  private static final String ALLOW_ALL_TO_API = """
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata: {name: allow-api, namespace: shop}
      spec:
        endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
        ingress:
        - fromEntities: [all]
      ---
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        // description, deny policy, web->api:8080, db->api:8080, web->api:9090
        Arguments.of("ingressDeny from web", """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: deny-web, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
              ingressDeny:
              - fromEndpoints: [{matchLabels: {app.kubernetes.io/name: web}}]
            """, false, true, false),
        Arguments.of("ingressDeny on port 8080 only", """
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: deny-8080}
            spec:
              endpointSelector: {}
              ingressDeny:
              - toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
            """, false, false, true),
        Arguments.of("egressDeny at web, default deny disabled", """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: web-no-api, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
              enableDefaultDeny: {egress: false}
              egressDeny:
              - toEndpoints: [{matchLabels: {app.kubernetes.io/name: api}}]
            """, false, true, false),
        Arguments.of("egressDeny elsewhere does not matter", """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: web-no-db, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
              enableDefaultDeny: {egress: false}
              egressDeny:
              - toEndpoints: [{matchLabels: {app.kubernetes.io/name: db}}]
            """, true, true, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void denyWins(String name, String deny, boolean web, boolean db, boolean web9090) {
    PolicySimulator sim = Fixtures.sim(ALLOW_ALL_TO_API + deny);
    assertThat(sim.l4(WEB, API, 8080).allowed()).as("web -> api:8080").isEqualTo(web);
    assertThat(sim.l4(DB, API, 8080).allowed()).as("db -> api:8080").isEqualTo(db);
    assertThat(sim.l4(WEB, API, 9090).allowed()).as("web -> api:9090").isEqualTo(web9090);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void deniedVerdictNamesTheDenyPolicy(String name, String deny, boolean web, boolean db,
      boolean web9090) {
    Verdict v = Fixtures.sim(ALLOW_ALL_TO_API + deny).l4(WEB, API, 8080);
    if (!web) {
      String denyName = Fixtures.docs(deny).get(0).path("metadata").path("name").asText();
      assertThat(v.documents()).singleElement().asString().endsWith("/" + denyName);
      assertThat(v.reason()).contains("deny wins");
    }
  }
}

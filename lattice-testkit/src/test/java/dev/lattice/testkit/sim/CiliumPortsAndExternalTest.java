package dev.lattice.testkit.sim;

import static dev.lattice.testkit.sim.Fixtures.API;
import static dev.lattice.testkit.sim.Fixtures.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** toPorts, toFQDNs, toCIDR/toCIDRSet and entities. */
class CiliumPortsAndExternalTest {

  private static PolicySimulator egressOfWeb(String rules) {
    return Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: web}}
          egress:
        """ + rules.indent(2));
  }

  static Stream<Arguments> ports() {
    return Stream.of(
        Arguments.of("[{port: \"8080\", protocol: TCP}]", 8080, true),
        Arguments.of("[{port: \"8080\", protocol: TCP}]", 8081, false),
        Arguments.of("[{port: \"8080\"}]", 8080, true),
        Arguments.of("[{port: \"8080\", protocol: ANY}]", 8080, true),
        Arguments.of("[{port: \"8080\", protocol: UDP}]", 8080, false),
        Arguments.of("[{port: \"8000\", endPort: 8100, protocol: TCP}]", 8080, true),
        Arguments.of("[{port: \"8000\", endPort: 8100, protocol: TCP}]", 8101, false),
        Arguments.of("[{port: \"0\", protocol: TCP}]", 1234, true),
        Arguments.of("[{port: http, protocol: TCP}]", 8080, false),
        Arguments.of("[{port: 8080, protocol: TCP}]", 8080, true));
  }

  @ParameterizedTest(name = "ports {0} on {1}")
  @MethodSource("ports")
  void toPorts(String ports, int port, boolean allowed) {
    PolicySimulator sim = egressOfWeb("""
        - toEndpoints: [{matchLabels: {app.kubernetes.io/name: api}}]
          toPorts:
          - ports: %s
        """.formatted(ports));
    assertThat(sim.l4(WEB, API, port).allowed()).isEqualTo(allowed);
  }

  @Test
  void icmpOnlyRuleMatchesNoTcpPort() {
    PolicySimulator sim = egressOfWeb("""
        - toEndpoints: [{matchLabels: {app.kubernetes.io/name: api}}]
          icmps: [{fields: [{type: 8}]}]
        """);
    assertThat(sim.l4(WEB, API, 8080).allowed()).isFalse();
  }

  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({
      "matchName: api.example.com, api.example.com, true",
      "matchName: api.example.com, API.Example.com., true",
      "matchName: api.example.com, www.api.example.com, false",
      "matchPattern: '*', anything.at.all, true",
      "matchPattern: '*.example.com', api.example.com, true",
      "matchPattern: '*.example.com', example.com, false",
      "matchPattern: '*.example.com', a.b.example.com, false",
      "matchPattern: '**.example.com', a.b.example.com, true",
      "matchPattern: '**.example.com', example.com, false",
      "matchPattern: 'part*ial.com', partial.com, true",
      "matchPattern: 'part*ial.com', part-extra-ial.com, true",
      "matchPattern: 'part*ial.com', part.x.ial.com, false",
  })
  void toFqdns(String selector, String host, boolean allowed) {
    PolicySimulator sim = egressOfWeb("""
        - toFQDNs: [{%s}]
          toPorts: [{ports: [{port: "443", protocol: TCP}]}]
        """.formatted(selector));
    assertThat(sim.l4External(WEB, External.host(host, 443)).allowed()).isEqualTo(allowed);
    assertThat(sim.l4External(WEB, External.host(host, 80)).allowed()).isFalse();
  }

  @Test
  void fqdnRulesDoNotSelectAddresses() {
    PolicySimulator sim = egressOfWeb("- toFQDNs: [{matchPattern: '*'}]\n");
    assertThat(sim.l4External(WEB, External.ip("1.2.3.4", 443)).allowed()).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "'toCIDR: [20.1.1.1/32]', 20.1.1.1, true",
      "'toCIDR: [20.1.1.1/32]', 20.1.1.2, false",
      "'toCIDR: [10.0.0.0/8]', 10.200.3.4, true",
      "'toCIDR: [10.0.0.0/8]', 11.0.0.1, false",
      "'toCIDR: [20.1.1.1]', 20.1.1.1, true",
      "'toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.96.0.0/12]}]', 10.1.0.1, true",
      "'toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.96.0.0/12]}]', 10.100.0.1, false",
      "'toCIDRSet: [{cidrGroupRef: corp}]', 10.1.0.1, false",
      "'toCIDR: [0.0.0.0/0]', 8.8.8.8, true",
  })
  void toCidr(String rule, String ip, boolean allowed) {
    PolicySimulator sim = egressOfWeb("- " + rule + "\n");
    assertThat(sim.l4External(WEB, External.ip(ip, 443)).allowed()).isEqualTo(allowed);
    assertThat(sim.l4External(WEB, External.host("example.com", 443)).allowed()).isFalse();
  }

  static Stream<Arguments> entities() {
    return Stream.of(
        // entity, to api (in-cluster), to world ip, to world name, to kube-apiserver
        Arguments.of("world", false, true, true, false),
        Arguments.of("cluster", true, false, false, false),
        Arguments.of("all", true, true, true, true),
        Arguments.of("kube-apiserver", false, false, false, true),
        Arguments.of("host", false, false, false, false),
        Arguments.of("remote-node", false, false, false, false));
  }

  @ParameterizedTest(name = "toEntities {0}")
  @MethodSource("entities")
  void toEntities(String entity, boolean api, boolean worldIp, boolean worldName,
      boolean apiserver) {
    PolicySimulator sim = egressOfWeb("- toEntities: [" + entity + "]\n");
    assertThat(sim.l4(WEB, API, 8080).allowed()).as("api").isEqualTo(api);
    assertThat(sim.l4External(WEB, External.ip("8.8.8.8", 53)).allowed()).as("ip").isEqualTo(worldIp);
    assertThat(sim.l4External(WEB, External.host("example.com", 443)).allowed())
        .as("name").isEqualTo(worldName);
    assertThat(sim.l4External(WEB, External.host("kubernetes.default.svc", 443)).allowed())
        .as("kube-apiserver").isEqualTo(apiserver);
  }

  @Test
  void hostEntityIsTheConfiguredNodeAddresses() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
          ingress:
          - fromEntities: [host]
        """, SimulatorOptions.defaults().withHostAddresses(Set.of("192.168.1.10")));
    assertThat(sim.l4FromExternal(External.ip("192.168.1.10", 0), API, 8080).allowed()).isTrue();
    assertThat(sim.l4FromExternal(External.ip("192.168.1.11", 0), API, 8080).allowed()).isFalse();
  }

  @Test
  void ambientKubeletProbesFromTheLinkLocalAddress() {
    PolicySimulator sim = Fixtures.sim("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app.kubernetes.io/name: api}}
          ingress:
          - fromCIDR: [169.254.7.127/32]
        """);
    External probe = External.ip("169.254.7.127", 0);
    assertThat(sim.l4FromExternal(probe, API, 8080).allowed()).isTrue();
    assertThat(sim.l4FromExternal(External.ip("8.8.8.8", 0), API, 8080).denied()).isTrue();
    assertThat(sim.l4(WEB, API, 8080).denied()).as("CIDR rules never select pods").isTrue();
  }

  @Test
  void externalAddressesAreValidated() {
    assertThatThrownBy(() -> External.ip("example.com", 80))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(External.host("Example.COM.", 80).address()).isEqualTo("example.com");
    assertThat(External.ip("10.0.0.1", 80).isIp()).isTrue();
  }
}

package dev.lattice.emit.cilium;

import static dev.lattice.emit.cilium.Fleets.body;
import static dev.lattice.emit.cilium.Fleets.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.document.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class CiliumEmitterTest {
  private static final String CNP = "CiliumNetworkPolicy";
  private static final String NS = "k8s:io.kubernetes.pod.namespace";

  @Test
  void ambientEdgeOpensHboneAtBothEnds() {
    Compilation c = compile(Fleets.shop());
    JsonNode api = body(c, CNP, "api");
    assertThat(api.at("/spec/endpointSelector/matchLabels").toString()).isEqualTo("{\"lattice.dev/service\":\"api\"}");
    JsonNode fromWeb = ruleFrom(api.at("/spec/ingress"), "fromEndpoints", "web");
    assertThat(fromWeb.at("/fromEndpoints/0/matchLabels/" + esc(NS)).asText()).isEqualTo("shop");
    assertThat(ports(fromWeb)).containsExactly("15008/TCP");
    JsonNode toApi = ruleFrom(body(c, CNP, "web").at("/spec/egress"), "toEndpoints", "api");
    assertThat(ports(toApi)).containsExactly("15008/TCP");
  }

  @Test
  void nonAmbientCalleeIsReachedOnItsTargetPorts() {
    Compilation c = compile(Fleets.shop());
    JsonNode toNas = body(c, CNP, "api").at("/spec/egress").get(1);
    assertThat(toNas.at("/toEndpoints/0/matchLabels").toString())
        .isEqualTo("{\"app\":\"nas\",\"" + NS + "\":\"shop\"}");
    assertThat(ports(toNas)).containsExactly("445/TCP");
    JsonNode nas = body(c, CNP, "nas");
    assertThat(ports(ruleFrom(nas.at("/spec/ingress"), "fromEndpoints", "api"))).containsExactly("445/TCP");
    JsonNode probe = nas.at("/spec/ingress/1");
    assertThat(probe.at("/fromEntities").toString()).isEqualTo("[\"host\"]");
    assertThat(ports(probe)).containsExactly("445/TCP");
  }

  @Test
  void nonAmbientCallerReachesAnAmbientServiceOnItsTargetPorts() {
    Compilation c = compile(Fleets.WEB.replace("api: {type: service}", "legacy: {type: service, direction: inbound}"), """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeMeshMember
        metadata: {name: legacy, namespace: shop}
        spec:
          target: {selector: {labels: {app: legacy}}}
          dependencies: [{name: web}]
          ambient: false
        """);
    assertThat(ports(ruleFrom(body(c, CNP, "web").at("/spec/ingress"), "fromEndpoints", "legacy"))).containsExactly("3000/TCP");
    assertThat(ports(body(c, CNP, "legacy").at("/spec/egress/0"))).containsExactly("3000/TCP");
  }

  @Test
  void ambientProbesComeFromTheIstioCniAddress() {
    JsonNode ingress = body(compile(Fleets.shop()), CNP, "api").at("/spec/ingress");
    JsonNode probe = ingress.get(ingress.size() - 1);
    assertThat(probe.at("/fromCIDR").toString()).isEqualTo("[\"169.254.7.127/32\"]");
    assertThat(ports(probe)).containsExactly("8080/TCP", "9090/TCP");
    assertThat(ingress.toString()).doesNotContain("\"cluster\"");
  }

  @Test
  void crossNamespaceCallerIsNamedWithItsNamespace() {
    Compilation c = compile(Fleets.shop());
    JsonNode fromBilling = ruleFrom(body(c, CNP, "api").at("/spec/ingress"), "fromEndpoints", "billing");
    assertThat(fromBilling.at("/fromEndpoints/0/matchLabels/" + esc(NS)).asText()).isEqualTo("finance");
    JsonNode billing = body(c, CNP, "billing");
    assertThat(billing.path("metadata").path("namespace").asText()).isEqualTo("finance");
    assertThat(ruleFrom(billing.at("/spec/egress"), "toEndpoints", "api").at("/toEndpoints/0/matchLabels/" + esc(NS)).asText())
        .isEqualTo("shop");
  }

  @Test
  void memberWithoutCallersOrPortsKeepsADenyingPolicy() {
    JsonNode billing = body(compile(Fleets.shop()), CNP, "billing").path("spec");
    assertThat(billing.path("enableDefaultDeny").toString()).isEqualTo("{\"ingress\":true,\"egress\":true}");
    assertThat(billing.has("ingress")).isFalse();
    assertThat(billing.path("egress")).hasSize(2); // to api, and DNS
  }

  @Test
  void oneSidedDeclarationOpensNothing() {
    Compilation c = compile(Fleets.service("web", "{http: {port: 80, targetPort: 3000}}", "{api: {type: service}}"),
        Fleets.service("api", "{http: {port: 80, targetPort: 8080}}", "{}"));
    assertThat(body(c, CNP, "web").at("/spec/egress").toString()).doesNotContain("\"lattice.dev/service\":\"api\"");
    assertThat(body(c, CNP, "api").at("/spec/ingress").toString()).doesNotContain("web");
  }

  @Test
  void everyPolicyAllowsDnsThroughTheProxy() {
    JsonNode egress = body(compile(Fleets.shop()), CNP, "db").at("/spec/egress");
    JsonNode dns = egress.get(egress.size() - 1);
    assertThat(dns.at("/toEndpoints/0/matchLabels").toString())
        .isEqualTo("{\"k8s-app\":\"kube-dns\",\"" + NS + "\":\"kube-system\"}");
    assertThat(ports(dns)).containsExactly("53/UDP", "53/TCP");
    assertThat(dns.at("/toPorts/0/rules/dns/0/matchPattern").asText()).isEqualTo("*");
  }

  @Test
  void externalsByNameAndByAddressWithTheirPorts() {
    JsonNode egress = body(compile(Fleets.shop()), CNP, "api").at("/spec/egress");
    List<String> fqdn = new ArrayList<>();
    List<String> cidr = new ArrayList<>();
    for (JsonNode rule : egress) {
      rule.path("toFQDNs").forEach(f -> fqdn.add(f.path("matchName").asText() + ":" + ports(rule)));
      rule.path("toCIDRSet").forEach(s -> cidr.add(s.path("cidr").asText() + ":" + ports(rule)));
    }
    assertThat(fqdn).containsExactly("api.stripe.com:[443/TCP]", "hooks.stripe.com:[80/TCP]");
    assertThat(cidr).containsExactly("10.0.0.5/32:[5432/TCP]", "10.1.0.0/24:[5432/TCP]");
  }

  @Test
  void egressWithoutPortsAllowsAnyPortAndNamespaceTargetSelectsAllPods() {
    Compilation c = compile("""
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeMeshMember
        metadata: {name: backup, namespace: ops}
        spec:
          target: {namespace: ops}
          egress: [{fqdn: "*.s3.amazonaws.com"}, {cidr: "192.168.10.0/24", ports: [22]}]
        """);
    JsonNode spec = body(c, CNP, "backup").path("spec");
    assertThat(spec.path("endpointSelector").toString()).isEqualTo("{}");
    JsonNode fqdn = spec.at("/egress/0");
    assertThat(fqdn.at("/toFQDNs/0/matchPattern").asText()).isEqualTo("*.s3.amazonaws.com");
    assertThat(fqdn.has("toPorts")).isFalse();
    assertThat(spec.at("/egress/1/toCIDRSet/0/cidr").asText()).isEqualTo("192.168.10.0/24");
    assertThat(ports(spec.at("/egress/1"))).containsExactly("22/TCP");
  }

  @Test
  void udpPortsStayDirectBetweenAmbientMembers() {
    Compilation c = compile(
        Fleets.service("web", "{http: {port: 80, targetPort: 3000}, dns: {port: 53, protocol: UDP}}",
            "{api: {type: service, direction: inbound}}"),
        Fleets.service("api", "{http: {port: 80, targetPort: 8080}}", "{web: {type: service}}"));
    assertThat(ports(ruleFrom(body(c, CNP, "web").at("/spec/ingress"), "fromEndpoints", "api")))
        .containsExactly("53/UDP", "15008/TCP");
  }

  @Test
  void clusterwideDefaultDenySparesSystemNamespacesAndThePlatform() {
    Compilation c = compile(Fleets.shop());
    JsonNode ccnp = body(c, "CiliumClusterwideNetworkPolicy", "lattice-default-deny");
    assertThat(ccnp.path("metadata").has("namespace")).isFalse();
    JsonNode spec = ccnp.path("spec");
    assertThat(spec.at("/endpointSelector/matchExpressions/0").toString())
        .isEqualTo("{\"key\":\"" + NS + "\",\"operator\":\"Exists\"}");
    List<String> excluded = new ArrayList<>();
    spec.at("/endpointSelector/matchExpressions/1/values").forEach(v -> excluded.add(v.asText()));
    assertThat(spec.at("/endpointSelector/matchExpressions/1/operator").asText()).isEqualTo("NotIn");
    assertThat(excluded).isSorted().contains("kube-system", "kube-public", "kube-node-lease", "cilium-system",
        "istio-system", "lattice-system", "cert-manager", "flux-system", "capi-system",
        "capi-kubeadm-bootstrap-system", "capi-kubeadm-control-plane-system", "capa-system", "capd-system",
        "capmox-system", "capo-system", "rke2-bootstrap-system", "rke2-control-plane-system");
    assertThat(spec.path("enableDefaultDeny").toString()).isEqualTo("{\"ingress\":true,\"egress\":true}");
    assertThat(spec.path("ingress").toString()).isEqualTo("[{\"fromCIDR\":[\"169.254.7.127/32\"]},{\"fromEntities\":[\"host\"]}]");
    assertThat(spec.at("/egress/0/toEndpoints/0/matchLabels/k8s-app").asText()).isEqualTo("kube-dns");
    assertThat(spec.at("/egress/1/toEntities").toString()).isEqualTo("[\"kube-apiserver\"]");
    assertThat(ports(spec.at("/egress/1"))).containsExactly("443/TCP", "6443/TCP");
  }

  @Test
  void noMembersNoDocuments() {
    assertThat(compile(Fleets.PAYMENTS).documents()).isEmpty();
  }

  @Test
  void onePolicyPerMemberNamedAfterIt() {
    List<Document> docs = compile(Fleets.shop()).documents();
    assertThat(docs).extracting(Document::id).containsExactly("CiliumClusterwideNetworkPolicy/lattice-default-deny",
        "CiliumNetworkPolicy/finance/billing", "CiliumNetworkPolicy/shop/api", "CiliumNetworkPolicy/shop/db",
        "CiliumNetworkPolicy/shop/nas", "CiliumNetworkPolicy/shop/web");
    assertThat(docs.get(2).json().at("/metadata/labels").toString())
        .isEqualTo("{\"app.kubernetes.io/managed-by\":\"lattice\",\"app.kubernetes.io/name\":\"api\"}");
  }

  /** The rule whose {@code field} selects the member named {@code name}. */
  static JsonNode ruleFrom(JsonNode rules, String field, String name) {
    return StreamSupport.stream(rules.spliterator(), false)
        .filter(r -> r.path(field).toString().contains("\"lattice.dev/service\":\"" + name + "\"")
            || r.path(field).toString().contains("\"app\":\"" + name + "\""))
        .findFirst().orElseThrow(() -> new AssertionError("no rule for " + name + " in " + rules));
  }

  /** {@code port/protocol} of every toPorts entry of a rule, in order. */
  static List<String> ports(JsonNode rule) {
    List<String> out = new ArrayList<>();
    rule.path("toPorts").forEach(e -> e.path("ports").forEach(p -> out.add(p.path("port").asText() + "/" + p.path("protocol").asText())));
    return out;
  }

  private static String esc(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}

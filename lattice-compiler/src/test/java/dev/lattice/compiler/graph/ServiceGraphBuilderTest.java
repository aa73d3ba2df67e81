package dev.lattice.compiler.graph;

import static dev.lattice.compiler.graph.GraphFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.base.ObjectRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the graph holds: agreed edges with ports, one-sided ones with the missing half, denials, kinds. */
class ServiceGraphBuilderTest {
  private static final ObjectRef WEB = ObjectRef.of("shop", "web");
  private static final ObjectRef API = ObjectRef.of("shop", "api");
  private static final ObjectRef PAY = ObjectRef.of("pay", "payment-service");
  private static final ObjectRef LEDGER = ObjectRef.of("pay", "ledger");

  static Map<String, String> fleet() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("web.yaml", service("shop", "web", 80, "{api: {direction: outbound}}"));
    files.put("api.yaml", service("shop", "api", 8080,
        "{web: {direction: inbound}, payment-service: {namespace: pay, direction: outbound}}"));
    files.put("pay.yaml", service("pay", "payment-service", 8443, "{ledger: {direction: inbound}}"));
    files.put("ledger.yaml", service("pay", "ledger", 7070, "{}"));
    return files;
  }

  @Test
  void agreedEdgesAreSolidWithTheCalleesPortsAndOneSidedOnesNameTheMissingHalf() {
    ServiceGraph g = GraphFixtures.graph(fleet());
    assertThat(g.edges()).containsExactly(
        new GraphEdge(LEDGER, PAY, GraphEdge.State.ONE_SIDED, List.of(), Optional.of("outbound missing on pay/ledger"), false),
        new GraphEdge(API, PAY, GraphEdge.State.ONE_SIDED, List.of(), Optional.of("inbound missing on pay/payment-service"), false),
        new GraphEdge(WEB, API, GraphEdge.State.AGREED, List.of(8080), Optional.empty(), false));
    assertThat(g.namespaces()).containsExactly("pay", "shop");
    assertThat(g.nodes().values()).allMatch(n -> n.kind() == NodeKind.SERVICE && !n.denied());
  }

  @Test
  void aDeniedRequesterIsMarkedWithItsGateAndSoAreItsEdges() {
    Map<String, String> files = fleet();
    files.put("api.yaml", service("shop", "api", 8080,
        "{web: {direction: inbound}, stripe: {type: external-service, params: {endpoints: {api: \"https://api.stripe.com\"}}}}"));
    ServiceGraph g = GraphFixtures.graph(files);
    GraphNode api = g.nodes().get(API);
    assertThat(api.denials()).containsExactly("denied AccessExternalEndpoint Lattice::ExternalEndpoint::\"api.stripe.com:443\"");
    GraphNode stripe = g.nodes().get(ObjectRef.of("shop", "api-stripe"));
    assertThat(stripe.kind()).isEqualTo(NodeKind.EXTERNAL);
    assertThat(stripe.details()).containsExactly("api.stripe.com:443");
    assertThat(g.edges()).filteredOn(e -> e.to().equals(API) || e.from().equals(API)).hasSize(2).allMatch(GraphEdge::denied);
    assertThat(g.edges()).filteredOn(e -> e.to().equals(API)).singleElement()
        .satisfies(e -> assertThat(e.label()).isEqualTo("8080 (denied)"));
  }

  @Test
  void externalServicesThatDoNotListTheCallerAndMeshMembersAreDrawn() {
    Map<String, String> files = fleet();
    files.put("ext.yaml", """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeExternalService
        metadata: {name: bank, namespace: pay}
        spec:
          endpoints: {api: "https://bank.example.com:8443"}
          allowedRequesters: [ledger]
        """);
    files.put("ledger.yaml", service("pay", "ledger", 7070, "{bank: {type: external-service}, nas: {namespace: infra}}"));
    files.put("nas.yaml", """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeMeshMember
        metadata: {name: nas, namespace: infra}
        spec:
          target: {selector: {labels: {app: nas}}}
          ports: [{port: 445, name: smb}]
          allowedCallers: [{name: ledger, namespace: pay}]
          dependencies: [{name: payment-service, namespace: pay}]
        """);
    ServiceGraph g = GraphFixtures.graph(files);
    assertThat(g.nodes().get(ObjectRef.of("infra", "nas")).kind()).isEqualTo(NodeKind.MESH_MEMBER);
    assertThat(g.edges()).extracting(GraphEdge::from, GraphEdge::to, GraphEdge::label).contains(
        org.assertj.core.groups.Tuple.tuple(LEDGER, ObjectRef.of("pay", "bank"), "8443 (denied)"),
        org.assertj.core.groups.Tuple.tuple(LEDGER, ObjectRef.of("infra", "nas"), "445 (denied)"),
        org.assertj.core.groups.Tuple.tuple(ObjectRef.of("infra", "nas"), PAY, "inbound missing on pay/payment-service"));
    // no policy lets ledger reach the bank's endpoint: it is denied, and so are its edges
    assertThat(g.nodes().get(LEDGER).denials())
        .containsExactly("denied AccessExternalEndpoint Lattice::ExternalEndpoint::\"bank.example.com:8443\"");
    files.put("ext.yaml", files.get("ext.yaml").replace("[ledger]", "[web]"));
    assertThat(GraphFixtures.graph(files).edges()).extracting(GraphEdge::label)
        .contains("allowedRequesters missing on pay/bank");
  }

  @Test
  void aroundAServiceKeepsItAndItsDirectPeersOnly() {
    ServiceGraph g = GraphFixtures.graph(fleet());
    ServiceGraph cut = g.around(Set.of(), Set.of(WEB));
    assertThat(cut.nodes().keySet()).containsExactly(API, WEB);
    assertThat(cut.edges()).singleElement().satisfies(e -> assertThat(e.from()).isEqualTo(WEB));
    ServiceGraph pay = g.around(Set.of("pay"), Set.of());
    assertThat(pay.nodes().keySet()).containsExactly(LEDGER, PAY, API);
    assertThat(pay.edges()).hasSize(2);
    assertThat(g.around(Set.of(), Set.of())).isSameAs(g);
  }
}

package dev.lattice.compiler.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.base.ObjectRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both renderings of one small graph: grouping, solid vs dashed, denial marks, escaping, ids. */
class RendererTest {
  private static final ObjectRef A = ObjectRef.of("shop", "api-gateway");
  private static final ObjectRef B = ObjectRef.of("shop", "end");
  private static final ObjectRef X = ObjectRef.of("ext", "stripe");
  private static final ObjectRef M = ObjectRef.of("infra", "nas");

  static ServiceGraph graph() {
    return new ServiceGraph(List.of(
        new GraphNode(A, NodeKind.SERVICE, List.of(), List.of("denied AccessSecret Lattice::SecretPath::\"vault:a#b<c>|d\"")),
        new GraphNode(B, NodeKind.SERVICE, List.of(), List.of()),
        new GraphNode(X, NodeKind.EXTERNAL, List.of("api.stripe.com:443"), List.of()),
        new GraphNode(M, NodeKind.MESH_MEMBER, List.of(), List.of())), List.of(
        new GraphEdge(A, B, GraphEdge.State.AGREED, List.of(8080, 9090), Optional.empty(), true),
        new GraphEdge(B, X, GraphEdge.State.AGREED, List.of(443), Optional.empty(), false),
        new GraphEdge(M, B, GraphEdge.State.ONE_SIDED, List.of(), Optional.of("inbound missing on shop/end"), false)));
  }

  @Test
  void mermaid() {
    assertThat(MermaidRenderer.render(graph())).isEqualTo("""
        flowchart LR
          subgraph gext["ext"]
            next_2fstripe{{"stripe<br/>external service<br/>api.stripe.com:443"}}
          end
          subgraph ginfra["infra"]
            ninfra_2fnas(["nas<br/>mesh member"])
          end
          subgraph gshop["shop"]
            nshop_2fapi_2dgateway["api-gateway<br/>service<br/>⛔ denied AccessSecret Lattice::SecretPath::#quot;vault:a#35;b#lt;c#gt;#124;d#quot;"]
            nshop_2fend["end<br/>service"]
          end
          ninfra_2fnas -.->|"inbound missing on shop/end"| nshop_2fend
          nshop_2fapi_2dgateway -->|"8080, 9090 (denied)"| nshop_2fend
          nshop_2fend -->|"443"| next_2fstripe
          classDef denied stroke:#d32f2f,stroke-width:3px,color:#d32f2f
          class nshop_2fapi_2dgateway denied
          linkStyle 1 stroke:#d32f2f,color:#d32f2f
        """);
  }

  @Test
  void dot() {
    assertThat(DotRenderer.render(graph())).isEqualTo("""
        digraph lattice {
          rankdir=LR;
          node [fontname="Helvetica", fontsize=11];
          edge [fontname="Helvetica", fontsize=10];
          subgraph "cluster_ext" {
            label="ext";
            "ext/stripe" [label="stripe\\nexternal service\\napi.stripe.com:443", shape=hexagon];
          }
          subgraph "cluster_infra" {
            label="infra";
            "infra/nas" [label="nas\\nmesh member", shape=box, style=rounded];
          }
          subgraph "cluster_shop" {
            label="shop";
            "shop/api-gateway" [label="api-gateway\\nservice\\n⛔ denied AccessSecret Lattice::SecretPath::\\"vault:a#b<c>|d\\"", shape=box, color="#d32f2f", fontcolor="#d32f2f", penwidth=2];
            "shop/end" [label="end\\nservice", shape=box];
          }
          "infra/nas" -> "shop/end" [label="inbound missing on shop/end", style=dashed];
          "shop/api-gateway" -> "shop/end" [label="8080, 9090 (denied)", color="#d32f2f", fontcolor="#d32f2f"];
          "shop/end" -> "ext/stripe" [label="443"];
        }
        """);
  }

  @Test
  void mermaidEscapesEverySyntaxCharacterAndIdsNeverMeet() {
    assertThat(MermaidRenderer.escape("a\"b#c&d<e>f|g`h%i\nj")).isEqualTo("a#quot;b#35;c#amp;d#lt;e#gt;f#124;g#96;h#37;i j");
    assertThat(MermaidRenderer.id(ObjectRef.of("a-b", "c"))).isNotEqualTo(MermaidRenderer.id(ObjectRef.of("a", "b-c")))
        .isEqualTo("na_2db_2fc").matches("[a-z0-9_]+");
    assertThat(MermaidRenderer.id("n", "a_2d")).isNotEqualTo(MermaidRenderer.id("n", "a-"));
  }

  @Test
  void everyShapeHasItsOwnSyntaxInBothLanguages() {
    assertThat(java.util.Arrays.stream(NodeShape.values()).map(s -> MermaidRenderer.shaped(s, "\"x\"")))
        .containsExactly("[\"x\"]", "([\"x\"])", "{{\"x\"}}", "[/\"x\"/]", "[(\"x\")]");
    assertThat(java.util.Arrays.stream(NodeShape.values()).map(DotRenderer::shape))
        .containsExactly("box", "box, style=rounded", "hexagon", "parallelogram", "cylinder");
  }

  @Test
  void dotEscapesQuotesBackslashesAndLineBreaks() {
    assertThat(DotRenderer.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
  }

  @Test
  void anEdgeToANodeTheGraphDoesNotHaveIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ServiceGraph(List.of(new GraphNode(A, NodeKind.SERVICE, List.of(), List.of())),
        List.of(new GraphEdge(A, B, GraphEdge.State.AGREED, List.of(), Optional.empty(), false))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

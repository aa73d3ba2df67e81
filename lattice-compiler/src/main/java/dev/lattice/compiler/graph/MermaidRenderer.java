package dev.lattice.compiler.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ServiceGraph} as a Mermaid flowchart that GitHub renders: {@code flowchart LR},
 * one {@code subgraph} per namespace, agreed edges solid ({@code -->}) with their ports, one-sided
 * ones dashed ({@code -.->}) with the missing half, denied nodes and edges in red
 * ({@code classDef}/{@code linkStyle}).
 *
 * <p>Every label is a quoted string; the characters Mermaid would read as syntax inside one are
 * written as its entity codes ({@code #quot;}, {@code #35;} …, see
 * https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters). Node ids are
 * {@code n} followed by the address with every character other than {@code [a-z0-9]} written as
 * {@code _} and two hex digits, so ids are safe (no keyword such as {@code end}, no {@code o}/{@code
 * x} that would change an arrow) and distinct addresses never share one.
 */
public final class MermaidRenderer {
  private static final String RED = "#d32f2f";

  private MermaidRenderer() {}

  public static String render(ServiceGraph graph) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    for (String ns : graph.namespaces()) {
      out.append("  subgraph ").append(id("g", ns)).append("[\"").append(escape(ns)).append("\"]\n");
      for (GraphNode n : graph.nodesIn(ns)) {
        out.append("    ").append(node(n)).append('\n');
      }
      out.append("  end\n");
    }
    List<Integer> deniedEdges = new ArrayList<>();
    int index = 0;
    for (GraphEdge e : graph.edges()) {
      String arrow = e.state() == GraphEdge.State.AGREED ? " -->" : " -.->";
      String label = e.label();
      out.append("  ").append(id(e.from())).append(arrow);
      if (!label.isEmpty()) {
        out.append("|\"").append(escape(label)).append("\"|");
      }
      out.append(' ').append(id(e.to())).append('\n');
      if (e.denied()) {
        deniedEdges.add(index);
      }
      index++;
    }
    List<String> deniedNodes = graph.nodes().values().stream().filter(GraphNode::denied).map(n -> id(n.ref())).toList();
    if (!deniedNodes.isEmpty()) {
      out.append("  classDef denied stroke:").append(RED).append(",stroke-width:3px,color:").append(RED).append('\n');
      out.append("  class ").append(String.join(",", deniedNodes)).append(" denied\n");
    }
    if (!deniedEdges.isEmpty()) {
      out.append("  linkStyle ").append(String.join(",", deniedEdges.stream().map(String::valueOf).toList()))
          .append(" stroke:").append(RED).append(",color:").append(RED).append('\n');
    }
    return out.toString();
  }

  /** {@code id["name<br/>kind<br/>detail…"]} in the kind's shape. */
  private static String node(GraphNode n) {
    List<String> lines = new ArrayList<>();
    lines.add(escape(n.ref().name()));
    lines.add(escape(n.kind().word()));
    n.details().forEach(d -> lines.add(escape(d)));
    n.denials().forEach(d -> lines.add("⛔ " + escape(d)));
    String label = "\"" + String.join("<br/>", lines) + "\"";
    String id = id(n.ref());
    return id + shaped(n.kind().shape(), label);
  }

  /** The label in the brackets of a shape (https://mermaid.js.org/syntax/flowchart.html#node-shapes). */
  static String shaped(NodeShape shape, String label) {
    return switch (shape) {
      case RECTANGLE -> "[" + label + "]";
      case ROUNDED -> "([" + label + "])";
      case HEXAGON -> "{{" + label + "}}";
      case PARALLELOGRAM -> "[/" + label + "/]";
      case CYLINDER -> "[(" + label + ")]";
    };
  }

  static String id(dev.lattice.model.base.ObjectRef ref) {
    return id("n", ref.toString());
  }

  static String id(String prefix, String text) {
    StringBuilder b = new StringBuilder(prefix);
    for (char c : text.toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
      } else {
        b.append('_').append(String.format("%02x", (int) c));
      }
    }
    return b.toString();
  }

  /** Text for inside a quoted Mermaid label: syntax characters as entity codes, line breaks as spaces. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> b.append("#quot;");
        case '#' -> b.append("#35;");
        case '&' -> b.append("#amp;");
        case '<' -> b.append("#lt;");
        case '>' -> b.append("#gt;");
        case '|' -> b.append("#124;");
        case '`' -> b.append("#96;");
        case '%' -> b.append("#37;");
        case '\n', '\r', '\t' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}

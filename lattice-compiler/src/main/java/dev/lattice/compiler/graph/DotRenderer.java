package dev.lattice.compiler.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ServiceGraph} in the Graphviz DOT language: a {@code digraph} laid out left to
 * right, one {@code cluster_} subgraph per namespace (Graphviz draws a box around subgraphs whose
 * name starts with {@code cluster}), agreed edges solid with their ports, one-sided ones {@code
 * style=dashed} with the missing half, denied nodes and edges red.
 *
 * <p>Every id and label is a double-quoted string. In DOT's quoted strings only {@code \"} is an
 * escape (https://graphviz.org/doc/info/lang.html); labels are also escString, where a backslash
 * starts an escape such as {@code \n} (https://graphviz.org/docs/attr-types/escString/), so a
 * backslash is doubled, a quote is {@code \"}, and a line break is written {@code \n}.
 */
public final class DotRenderer {
  private static final String RED = "#d32f2f";

  private DotRenderer() {}

  public static String render(ServiceGraph graph) {
    StringBuilder out = new StringBuilder("digraph lattice {\n");
    out.append("  rankdir=LR;\n");
    out.append("  node [fontname=\"Helvetica\", fontsize=11];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (String ns : graph.namespaces()) {
      out.append("  subgraph ").append(quote("cluster_" + ns)).append(" {\n");
      out.append("    label=").append(quote(ns)).append(";\n");
      for (GraphNode n : graph.nodesIn(ns)) {
        out.append("    ").append(node(n)).append('\n');
      }
      out.append("  }\n");
    }
    for (GraphEdge e : graph.edges()) {
      List<String> attrs = new ArrayList<>();
      if (!e.label().isEmpty()) {
        attrs.add("label=" + quote(e.label()));
      }
      if (e.state() == GraphEdge.State.ONE_SIDED) {
        attrs.add("style=dashed");
      }
      if (e.denied()) {
        attrs.add("color=" + quote(RED));
        attrs.add("fontcolor=" + quote(RED));
      }
      out.append("  ").append(quote(e.from().toString())).append(" -> ").append(quote(e.to().toString()));
      if (!attrs.isEmpty()) {
        out.append(" [").append(String.join(", ", attrs)).append(']');
      }
      out.append(";\n");
    }
    return out.append("}\n").toString();
  }

  private static String node(GraphNode n) {
    List<String> lines = new ArrayList<>();
    lines.add(n.ref().name());
    lines.add(n.kind().word());
    lines.addAll(n.details());
    n.denials().forEach(d -> lines.add("⛔ " + d));
    String shape = shape(n.kind().shape());
    StringBuilder b = new StringBuilder(quote(n.ref().toString()));
    b.append(" [label=").append(quote(lines)).append(", shape=").append(shape);
    if (n.denied()) {
      b.append(", color=").append(quote(RED)).append(", fontcolor=").append(quote(RED)).append(", penwidth=2");
    }
    return b.append("];").toString();
  }

  /** A shape's attributes (https://graphviz.org/doc/info/shapes.html). */
  static String shape(NodeShape shape) {
    return switch (shape) {
      case RECTANGLE -> "box";
      case ROUNDED -> "box, style=rounded";
      case HEXAGON -> "hexagon";
      case PARALLELOGRAM -> "parallelogram";
      case CYLINDER -> "cylinder";
    };
  }

  /** Lines joined by DOT's {@code \n} escape, each escaped. */
  private static String quote(List<String> lines) {
    return "\"" + String.join("\\n", lines.stream().map(DotRenderer::escape).toList()) + "\"";
  }

  static String quote(String text) {
    return "\"" + escape(text) + "\"";
  }

  /** Text for inside a DOT quoted string: backslash doubled, quote escaped, line breaks as {@code \n}. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> { }
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}

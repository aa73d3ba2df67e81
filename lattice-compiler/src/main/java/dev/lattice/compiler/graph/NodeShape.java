package dev.lattice.compiler.graph;

/**
 * How a kind of node is drawn. Every renderer maps every shape (an exhaustive switch), so a new
 * {@link NodeKind} picks one of these and needs no renderer change.
 */
public enum NodeShape {
  /** Mermaid {@code id["…"]}, DOT {@code shape=box}. */
  RECTANGLE,
  /** Mermaid {@code id(["…"])}, DOT {@code shape=box, style=rounded}. */
  ROUNDED,
  /** Mermaid {@code id{{"…"}}}, DOT {@code shape=hexagon}. */
  HEXAGON,
  /** Mermaid {@code id[/"…"/]}, DOT {@code shape=parallelogram} (for run-to-completion work such as jobs). */
  PARALLELOGRAM,
  /** Mermaid {@code id[("…")]}, DOT {@code shape=cylinder} (for served models and other stores). */
  CYLINDER
}

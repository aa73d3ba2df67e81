package dev.lattice.compiler.graph;

import dev.lattice.compiler.plan.MemberPlan;

/**
 * What a node of the service graph is, the word its label uses and the shape it is drawn in. A new
 * workload kind ({@code LatticeJob}, {@code LatticeModel}) is one constant here and one case in
 * {@link #of(MemberPlan.Origin)} — the switch is exhaustive, so a new origin does not compile until
 * it is mapped — and no renderer changes.
 */
public enum NodeKind {
  SERVICE("service", NodeShape.RECTANGLE),
  MESH_MEMBER("mesh member", NodeShape.ROUNDED),
  EXTERNAL("external service", NodeShape.HEXAGON);

  private final String word;
  private final NodeShape shape;

  NodeKind(String word, NodeShape shape) {
    this.word = word;
    this.shape = shape;
  }

  /** How a label names the kind: {@code service}, {@code mesh member}, {@code external service}. */
  public String word() {
    return word;
  }

  public NodeShape shape() {
    return shape;
  }

  /** The kind of node a mesh member of this origin is. */
  public static NodeKind of(MemberPlan.Origin origin) {
    return switch (origin) {
      case SERVICE -> SERVICE;
      case MESH_MEMBER -> MESH_MEMBER;
    };
  }
}

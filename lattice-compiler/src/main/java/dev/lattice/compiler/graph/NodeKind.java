package dev.lattice.compiler.graph;

import dev.lattice.compiler.plan.MemberPlan;

/**
 * What a node of the service graph is. A new workload kind is one constant here and one case in
 * {@link #of(MemberPlan.Origin)} (the switch is exhaustive, so a new origin does not compile until
 * it is mapped); each renderer gives every kind a shape in one switch of its own.
 */
public enum NodeKind {
  SERVICE("service"),
  MESH_MEMBER("mesh member"),
  EXTERNAL("external service");

  private final String word;

  NodeKind(String word) {
    this.word = word;
  }

  /** How a label names the kind: {@code service}, {@code mesh member}, {@code external service}. */
  public String word() {
    return word;
  }

  /** The kind of node a mesh member of this origin is. */
  public static NodeKind of(MemberPlan.Origin origin) {
    return switch (origin) {
      case SERVICE -> SERVICE;
      case MESH_MEMBER -> MESH_MEMBER;
    };
  }
}

package dev.lattice.compiler.graph;

import dev.lattice.model.base.ObjectRef;
import java.util.List;

/**
 * A node: a member or an external service, with its kind, a detail line (an external's endpoints)
 * and the Cedar gate denials that keep it from being compiled (empty when it is allowed).
 */
public record GraphNode(ObjectRef ref, NodeKind kind, List<String> details, List<String> denials) {
  public GraphNode {
    details = List.copyOf(details);
    denials = List.copyOf(denials);
  }

  public boolean denied() {
    return !denials.isEmpty();
  }
}

package dev.lattice.compiler.plan;

import dev.lattice.model.base.ObjectRef;

/** An allowed edge from a member to an external destination, and the declaration that asked for it. */
public record ExternalEdgePlan(ObjectRef caller, ObjectRef external, Declaration declaration)
    implements Comparable<ExternalEdgePlan> {
  @Override
  public int compareTo(ExternalEdgePlan o) {
    int c = caller.compareTo(o.caller);
    return c != 0 ? c : external.compareTo(o.external);
  }
}

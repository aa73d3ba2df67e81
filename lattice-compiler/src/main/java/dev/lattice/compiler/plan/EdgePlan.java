package dev.lattice.compiler.plan;

import dev.lattice.model.base.ObjectRef;

/**
 * An agreed edge: {@code caller} declared {@code callee} outbound (or both) and {@code callee}
 * declared {@code caller} inbound (or both). Traffic may flow on the callee's target ports.
 *
 * @param callerDeclaration where the caller's half was written ({@code spec.workload.resources.x})
 * @param calleeDeclaration where the callee's half was written
 */
public record EdgePlan(ObjectRef caller, ObjectRef callee, Declaration callerDeclaration, Declaration calleeDeclaration)
    implements Comparable<EdgePlan> {

  @Override
  public int compareTo(EdgePlan o) {
    int c = caller.compareTo(o.caller);
    return c != 0 ? c : callee.compareTo(o.callee);
  }
}

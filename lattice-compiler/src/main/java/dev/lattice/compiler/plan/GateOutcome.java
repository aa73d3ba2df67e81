package dev.lattice.compiler.plan;

import dev.lattice.model.base.ObjectRef;
import java.util.List;

/**
 * One authorization question and its answer, kept for explanations: whose request it was, the
 * Cedar principal, action and resource, whether it was allowed and which policies decided.
 */
public record GateOutcome(
    ObjectRef owner, String principal, String action, String resource, boolean allowed, List<String> decidedBy, String reason) {
  public GateOutcome {
    decidedBy = List.copyOf(decidedBy);
  }

  /** {@code allowed|denied: principal action resource (decided by ...)}. */
  public String describe() {
    return (allowed ? "allowed: " : "denied: ") + principal + " " + action + " " + resource + " — " + reason;
  }
}

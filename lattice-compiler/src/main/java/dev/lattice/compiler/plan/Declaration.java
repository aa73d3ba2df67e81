package dev.lattice.compiler.plan;

import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.diagnostics.SourcePosition;

/**
 * One half of an agreement as written: {@code declarer} says it {@link Role#CALLS} or {@link
 * Role#ACCEPTS} {@code peer} ({@code peer} is named {@code *} for a wildcard), at {@code path} of its
 * document.
 */
public record Declaration(ObjectRef declarer, ObjectRef peer, Role role, String path, SourcePosition position) {

  /** Which half of an agreement a declaration is. */
  public enum Role {
    CALLS,
    ACCEPTS
  }

  public boolean isWildcard() {
    return peer.name().equals("*");
  }

  /** A readable sentence: {@code shop/a declares shop/b outbound (spec.workload.resources.b)}. */
  public String describe() {
    return declarer + (role == Role.CALLS ? " declares " + peer + " outbound" : " declares " + peer + " inbound")
        + " (" + position + " " + path + ")";
  }
}

package dev.lattice.model;

import dev.lattice.model.base.Required;
import dev.lattice.model.policy.CedarPolicySpec;

/** Cedar authorization policies that gate what services may do. */
@org.immutables.value.Value.Builder
public record CedarPolicy(@Required ObjectMeta metadata, @Required CedarPolicySpec spec) implements LatticeObject {

  @Override
  public Kind kind() {
    return Kind.CEDAR_POLICY;
  }
}

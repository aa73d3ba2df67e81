package dev.lattice.model;

import dev.lattice.model.base.Required;
import dev.lattice.model.policy.LatticeQuotaSpec;

/** A resource budget checked when the fleet is compiled. */
@org.immutables.value.Value.Builder
public record LatticeQuota(@Required ObjectMeta metadata, @Required LatticeQuotaSpec spec) implements LatticeObject {

  @Override
  public Kind kind() {
    return Kind.LATTICE_QUOTA;
  }
}

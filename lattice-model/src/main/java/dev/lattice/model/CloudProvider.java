package dev.lattice.model;

import dev.lattice.model.base.Required;
import dev.lattice.model.cluster.CloudProviderSpec;

/** Where clusters are built and the reference to the credentials for it (cluster-scoped). */
@org.immutables.value.Value.Builder
public record CloudProvider(@Required ObjectMeta metadata, @Required CloudProviderSpec spec) implements LatticeObject {

  @Override
  public Kind kind() {
    return Kind.CLOUD_PROVIDER;
  }
}

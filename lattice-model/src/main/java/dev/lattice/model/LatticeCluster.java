package dev.lattice.model;

import dev.lattice.model.base.Values;
import dev.lattice.model.base.Required;
import dev.lattice.model.cluster.LatticeClusterSpec;
import dev.lattice.model.cluster.LatticeClusterStatus;
import java.util.Optional;

/** A Kubernetes cluster Lattice provisions with Cluster API (cluster-scoped). */
@org.immutables.value.Value.Builder
public record LatticeCluster(
    @Required ObjectMeta metadata, @Required LatticeClusterSpec spec, Optional<LatticeClusterStatus> status)
    implements LatticeObject {

  public LatticeCluster {
    status = Values.opt(status);
  }

  @Override
  public Kind kind() {
    return Kind.LATTICE_CLUSTER;
  }
}

package dev.lattice.runtime.link.pivot;

import java.util.Optional;

/** Where a driver's per-cluster state survives a restart (the {@code LatticeCluster} status in the runtime, a map in tests). */
public interface StateStore<S> {
  Optional<S> load(String cluster);

  void save(String cluster, S state);
}

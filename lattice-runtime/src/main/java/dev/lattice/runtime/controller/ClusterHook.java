package dev.lattice.runtime.controller;

import java.time.Duration;
import java.util.Optional;

/**
 * What else a reconcile of a {@code LatticeCluster} does once the fleet pass settled it — in a cell,
 * the link's work for its children ({@code dev.lattice.runtime.link.wiring.ChildClusterWiring}).
 * Returns when to reconcile the cluster again (empty: at the periodic resync); a throw makes the
 * framework retry with backoff.
 */
@FunctionalInterface
public interface ClusterHook {
  Optional<Duration> reconciled(String cluster) throws Exception;

  /** No hook: a controller that is not a cell. */
  static ClusterHook none() {
    return cluster -> Optional.empty();
  }
}

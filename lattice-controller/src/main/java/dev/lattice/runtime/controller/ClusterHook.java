package dev.lattice.runtime.controller;

import java.time.Duration;
import java.util.Optional;

/**
 * What else a reconcile of a {@code LatticeCluster} does once the fleet pass settled it — in a cell,
 * the link's work for its children ({@code dev.lattice.runtime.link.wiring.ChildClusterWiring}). This is the
 * one seam between the controller and the link (module lattice-link, which the controller never imports):
 * a process that hosts a cell hands its hook in through a {@link HostedHook}.
 * Returns when to reconcile the cluster again (empty: at the periodic resync); a throw makes the
 * framework retry with backoff. {@link #deleting} runs first when a {@code LatticeCluster} is
 * deleted (a cell's unpivot): the finalizer stays until it returns empty.
 */
@FunctionalInterface
public interface ClusterHook {
  Optional<Duration> reconciled(String cluster) throws Exception;

  /**
   * A deleted {@code cluster}, before the controller prunes its documents and removes its finalizer:
   * empty when it may go, else when to ask again (the finalizer stays). By default it may go.
   */
  default Optional<Duration> deleting(String cluster) throws Exception {
    return Optional.empty();
  }

  /** No hook: a controller that is not a cell. */
  static ClusterHook none() {
    return cluster -> Optional.empty();
  }
}

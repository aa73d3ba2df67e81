package dev.lattice.runtime.link.pivot;

/**
 * Moves a cluster's CAPI objects from the cell into the child. Must be safe to call again after a
 * crash: objects already moved are simply not found in the source.
 */
@FunctionalInterface
public interface ClusterMover {
  /** Moves everything in {@code capiNamespace}; throws on failure (the driver retries). */
  void move(String cluster, String capiNamespace) throws Exception;
}

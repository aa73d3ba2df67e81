package dev.lattice.runtime.fleet;

import java.util.Map;
import java.util.Set;

/**
 * The result of one pass, for the reconcilers: which owners' documents failed to apply or prune
 * (with the error; these are retried with backoff), which objects are held for errors in their
 * spec (not retried: they wait for a new generation), and whether the fleet as a whole failed.
 */
public record PassOutcome(long number, boolean fleetFailed, Map<String, String> failedOwners, Set<ObjectKey> held,
    int applied, int pruned) {

  public PassOutcome {
    failedOwners = Map.copyOf(failedOwners);
    held = Set.copyOf(held);
  }

  /** Whether the object's documents (applied or pruned) are all in place. */
  public boolean settled(ObjectKey key) {
    return !fleetFailed && !failedOwners.containsKey(key.toString()) && !failedOwners.containsKey(Ownership.FLEET);
  }
}

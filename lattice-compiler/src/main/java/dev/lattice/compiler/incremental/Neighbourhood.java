package dev.lattice.compiler.incremental;

import dev.lattice.model.base.ObjectRef;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The addresses a change of some objects can reach. The inner ring is the changed addresses and
 * every address that names one of them or that one of them names, before or after the change: an
 * agreement, an edge, a placeholder or a warning can only join two objects when one names the
 * other. The outer ring adds the peers of the inner ring the same way, so every inner object is
 * derived with all of its peers present.
 */
final class Neighbourhood {
  private final Set<ObjectRef> inner;
  private final Set<ObjectRef> members;

  private Neighbourhood(Set<ObjectRef> inner, Set<ObjectRef> members) {
    this.inner = inner;
    this.members = members;
  }

  /**
   * The neighbourhood of {@code changed}, whose names in the kept input are in {@code snapshot}
   * and in the next input in {@code newNames}.
   */
  static Neighbourhood around(Set<ObjectRef> changed, FleetSnapshot snapshot, Map<ObjectRef, Set<ObjectRef>> newNames) {
    Set<ObjectRef> inner = new HashSet<>(changed);
    for (ObjectRef ref : changed) {
      addPeers(ref, snapshot, newNames, inner);
    }
    Set<ObjectRef> members = new HashSet<>(inner);
    for (ObjectRef ref : inner) {
      addPeers(ref, snapshot, newNames, members);
    }
    return new Neighbourhood(inner, members);
  }

  private static void addPeers(ObjectRef ref, FleetSnapshot snapshot, Map<ObjectRef, Set<ObjectRef>> newNames, Set<ObjectRef> into) {
    into.addAll(snapshot.names(ref));
    into.addAll(snapshot.namedBy(ref));
    into.addAll(newNames.getOrDefault(ref, Set.of()));
  }

  /** Every address to derive: both rings. */
  Set<ObjectRef> members() {
    return members;
  }

  /** How many addresses the inner ring holds. */
  int affected() {
    return inner.size();
  }
}

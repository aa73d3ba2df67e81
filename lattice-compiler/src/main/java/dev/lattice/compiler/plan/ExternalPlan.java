package dev.lattice.compiler.plan;

import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.mesh.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * An external destination: a {@code LatticeExternalService}, or an inline {@code external-service}
 * resource of one service (then {@code inlineOwner} names it and only it may call).
 *
 * @param endpoints endpoints by name, sorted
 * @param source the {@code LatticeExternalService} it came from (absent for inline ones)
 */
public record ExternalPlan(
    ObjectRef ref,
    Map<String, Endpoint> endpoints,
    boolean dns,
    java.util.Optional<ObjectRef> inlineOwner,
    java.util.Optional<dev.lattice.model.SourcedObject> source) {
  public ExternalPlan {
    endpoints = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(endpoints));
  }

  /** The distinct ports of all endpoints, sorted. */
  public List<Integer> ports() {
    return endpoints.values().stream().map(Endpoint::port).distinct().sorted().toList();
  }
}

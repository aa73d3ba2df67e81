package dev.lattice.runtime.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.model.Kind;
import dev.lattice.runtime.fleet.ObjectKey;
import dev.lattice.runtime.fleet.RawObject;
import dev.lattice.runtime.install.CrdKind;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The informer caches of every Lattice kind, registered by the reconcilers as the operator sets
 * them up, read together as the fleet snapshot. The fleet is compiled only once every kind's
 * informer has synced: a missing kind would look like deleted objects and prune their documents.
 */
public final class FleetCaches {
  private final Map<CrdKind, IndexerResourceCache<? extends LatticeResources.Base>> caches = new ConcurrentHashMap<>();
  private volatile BooleanSupplier synced = () -> false;

  void register(CrdKind kind, IndexerResourceCache<? extends LatticeResources.Base> cache) {
    caches.put(kind, cache);
  }

  void syncedWhen(BooleanSupplier synced) {
    this.synced = synced;
  }

  /** Whether every kind has a cache and every informer has synced. */
  public boolean ready() {
    return caches.size() == CrdKind.all().size() && synced.getAsBoolean();
  }

  /** Every object of every kind, as the caches hold them now. */
  public List<RawObject> snapshot() {
    List<RawObject> out = new ArrayList<>();
    caches.forEach((kind, cache) -> cache.list().forEach(r -> out.add(raw(kind.kind(), r))));
    return out;
  }

  static RawObject raw(Kind kind, LatticeResources.Base r) {
    ObjectNode json = Serialization.jsonMapper().valueToTree(r);
    ObjectKey key = ObjectKey.of(kind, r.getMetadata().getNamespace(), r.getMetadata().getName());
    Long generation = r.getMetadata().getGeneration();
    return new RawObject(key, generation == null ? 0 : generation, r.getMetadata().getDeletionTimestamp() != null, json);
  }
}

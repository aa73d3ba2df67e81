package dev.lattice.runtime.fleet;

import dev.lattice.runtime.install.ManagedKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents this controller has applied, with the hash each had: what decides that a document
 * needs applying (its hash changed) and what may be pruned. Rebuilt from the cluster (label and
 * owner annotation) when a controller starts, so a restart re-applies nothing that is unchanged.
 */
public final class Ledger {
  /** A document in the cluster that the controller applied. */
  public record Entry(String id, ManagedKind kind, Optional<String> namespace, String name, String owner, String hash) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public Optional<Entry> get(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  public void put(Entry e) {
    entries.put(e.id(), e);
  }

  public void remove(String id) {
    entries.remove(id);
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  public int size() {
    return entries.size();
  }

  public void clear() {
    entries.clear();
  }
}

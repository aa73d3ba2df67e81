package dev.lattice.runtime.link.pivot;

import dev.lattice.emit.capi.CapiNames;

/**
 * Runs the {@link UnpivotMachine} for one cluster, as {@link PivotDriver} runs the pivot: persists
 * each new state before acting, runs the importing {@link ClusterMover} (child → parent, e.g.
 * {@link ClusterctlMover#unpivot}) and persists {@code unpivotImportComplete} right after it returns,
 * then asks the {@link Deleter} to delete the cluster from the parent.
 */
public final class UnpivotDriver {
  /** Deletes the cluster's objects from the parent (CAPI then tears the infrastructure down). Idempotent. */
  @FunctionalInterface
  public interface Deleter {
    void delete(String cluster, String capiNamespace) throws Exception;
  }

  private final StateStore<UnpivotState> store;
  private final ClusterMover importer;
  private final Deleter deleter;

  public UnpivotDriver(StateStore<UnpivotState> store, ClusterMover importer, Deleter deleter) {
    this.store = store;
    this.importer = importer;
    this.deleter = deleter;
  }

  /** One reconcile: transition, persist, act. Returns the new state. */
  public UnpivotState step(String cluster, UnpivotFacts observed) throws Exception {
    UnpivotState s = store.load(cluster).orElse(UnpivotState.initial());
    UnpivotMachine.Transition t = UnpivotMachine.next(s, observed);
    store.save(cluster, t.state());
    String ns = CapiNames.namespace(cluster);
    switch (t.action()) {
      case IMPORT -> {
        importer.move(cluster, ns);
        UnpivotState imported = UnpivotMachine.imported(t.state());
        store.save(cluster, imported);
        return imported;
      }
      case DELETE -> deleter.delete(cluster, ns);
      case NONE -> { }
    }
    return t.state();
  }
}

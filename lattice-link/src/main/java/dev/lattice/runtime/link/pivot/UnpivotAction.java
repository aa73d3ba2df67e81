package dev.lattice.runtime.link.pivot;

/** What the unpivot driver must do after a transition. */
enum UnpivotAction {
  NONE,
  /** Run the importing {@link ClusterMover} (child → parent); on success persist {@code unpivotImportComplete}. */
  IMPORT,
  /** Ask the parent to delete the cluster (idempotent: asked again until it is gone). */
  DELETE
}

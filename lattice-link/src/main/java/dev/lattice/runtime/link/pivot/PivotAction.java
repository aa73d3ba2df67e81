package dev.lattice.runtime.link.pivot;

/** What the driver must do after a transition. */
enum PivotAction {
  NONE,
  /** Run the {@link ClusterMover}; on success persist {@code moveComplete}. */
  MOVE,
  /** Send a ConfirmPivot command with {@link PivotState#confirmCommandId}. */
  CONFIRM
}

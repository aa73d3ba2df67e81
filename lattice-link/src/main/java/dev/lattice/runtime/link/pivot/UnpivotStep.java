package dev.lattice.runtime.link.pivot;

import dev.lattice.model.cluster.LatticeClusterStatus.Phase;

/** The steps of an unpivot (deleting a pivoted cluster), in order, and the {@code LatticeCluster} phase of each. */
public enum UnpivotStep {
  /** Deletion asked; the import needs the agent's stream (the tunnelled kubeconfig of the child). */
  AWAITING_AGENT(Phase.UNPIVOTING),
  /** Moving the CAPI objects from the child back into the parent, until {@code unpivotImportComplete}. */
  IMPORTING(Phase.UNPIVOTING),
  /** The parent holds the objects again and deletes the cluster with them (CAPI tears the machines down). */
  DELETING(Phase.DELETING),
  DELETED(Phase.DELETING);

  private final Phase phase;

  UnpivotStep(Phase phase) {
    this.phase = phase;
  }

  /** The lifecycle phase ({@link ClusterPhases}) this step belongs to. */
  public Phase phase() {
    return phase;
  }
}

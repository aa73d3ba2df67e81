package dev.lattice.runtime.link.pivot;

import dev.lattice.model.cluster.LatticeClusterStatus.Phase;

/** The steps of a pivot, in order, and the {@code LatticeCluster} phase each one shows. */
public enum PivotStep {
  PROVISIONING(Phase.PROVISIONING),
  AWAITING_BOOTSTRAP(Phase.PROVISIONING),
  AWAITING_AGENT(Phase.PIVOTING),
  MOVING(Phase.PIVOTING),
  AWAITING_CONFIRMATION(Phase.PIVOTING),
  PIVOTED(Phase.PIVOTED),
  READY(Phase.READY);

  private final Phase phase;

  PivotStep(Phase phase) {
    this.phase = phase;
  }

  /** The lifecycle phase ({@link ClusterPhases}) this step belongs to. */
  public Phase phase() {
    return phase;
  }
}

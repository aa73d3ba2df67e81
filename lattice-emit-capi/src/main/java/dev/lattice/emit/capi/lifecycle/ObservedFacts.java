package dev.lattice.emit.capi.lifecycle;

import java.util.Objects;
import java.util.Optional;

/**
 * What the runtime observed about a cluster in one reconcile, as plain data: the spec's generation,
 * the CAPI readiness it read, what the bootstrap and agent reported, the pivot and unpivot outcome,
 * whether deletion was requested, an error, and the time of observation (used for condition
 * transition times, so the lifecycle itself reads no clock).
 */
public record ObservedFacts(
    long generation,
    boolean infrastructureReady,
    int controlPlaneReady,
    int controlPlaneDesired,
    int workersReady,
    int workersDesired,
    boolean bootstrapCalled,
    boolean agentConnected,
    boolean pivotDone,
    boolean unpivotImported,
    boolean deletionRequested,
    Optional<String> error,
    String observedAt) {

  public ObservedFacts {
    error = error == null ? Optional.empty() : error;
    Objects.requireNonNull(observedAt, "observedAt");
  }

  /** Nothing observed yet at generation 1. */
  public static ObservedFacts initial(String observedAt) {
    return new ObservedFacts(1, false, 0, 1, 0, 0, false, false, false, false, false, Optional.empty(), observedAt);
  }

  /** Every desired control-plane machine is ready. */
  public boolean controlPlaneAvailable() {
    return controlPlaneDesired > 0 && controlPlaneReady >= controlPlaneDesired;
  }

  /** Every desired worker is ready. */
  public boolean workersAvailable() {
    return workersReady >= workersDesired;
  }

  public ObservedFacts withInfrastructureReady(boolean v) {
    return new ObservedFacts(generation, v, controlPlaneReady, controlPlaneDesired, workersReady, workersDesired,
        bootstrapCalled, agentConnected, pivotDone, unpivotImported, deletionRequested, error, observedAt);
  }

  public ObservedFacts withControlPlane(int ready, int desired) {
    return new ObservedFacts(generation, infrastructureReady, ready, desired, workersReady, workersDesired,
        bootstrapCalled, agentConnected, pivotDone, unpivotImported, deletionRequested, error, observedAt);
  }

  public ObservedFacts withWorkers(int ready, int desired) {
    return new ObservedFacts(generation, infrastructureReady, controlPlaneReady, controlPlaneDesired, ready, desired,
        bootstrapCalled, agentConnected, pivotDone, unpivotImported, deletionRequested, error, observedAt);
  }

  public ObservedFacts withBootstrapCalled(boolean v) {
    return new ObservedFacts(generation, infrastructureReady, controlPlaneReady, controlPlaneDesired, workersReady,
        workersDesired, v, agentConnected, pivotDone, unpivotImported, deletionRequested, error, observedAt);
  }

  public ObservedFacts withAgentConnected(boolean v) {
    return new ObservedFacts(generation, infrastructureReady, controlPlaneReady, controlPlaneDesired, workersReady,
        workersDesired, bootstrapCalled, v, pivotDone, unpivotImported, deletionRequested, error, observedAt);
  }

  public ObservedFacts withPivotDone(boolean v) {
    return new ObservedFacts(generation, infrastructureReady, controlPlaneReady, controlPlaneDesired, workersReady,
        workersDesired, bootstrapCalled, agentConnected, v, unpivotImported, deletionRequested, error, observedAt);
  }

  public ObservedFacts withUnpivotImported(boolean v) {
    return new ObservedFacts(generation, infrastructureReady, controlPlaneReady, controlPlaneDesired, workersReady,
        workersDesired, bootstrapCalled, agentConnected, pivotDone, v, deletionRequested, error, observedAt);
  }

  public ObservedFacts withDeletionRequested(boolean v) {
    return new ObservedFacts(generation, infrastructureReady, controlPlaneReady, controlPlaneDesired, workersReady,
        workersDesired, bootstrapCalled, agentConnected, pivotDone, unpivotImported, v, error, observedAt);
  }

  public ObservedFacts withError(Optional<String> e) {
    return new ObservedFacts(generation, infrastructureReady, controlPlaneReady, controlPlaneDesired, workersReady,
        workersDesired, bootstrapCalled, agentConnected, pivotDone, unpivotImported, deletionRequested, e, observedAt);
  }

  public ObservedFacts at(long gen, String time) {
    return new ObservedFacts(gen, infrastructureReady, controlPlaneReady, controlPlaneDesired, workersReady,
        workersDesired, bootstrapCalled, agentConnected, pivotDone, unpivotImported, deletionRequested, error, time);
  }
}

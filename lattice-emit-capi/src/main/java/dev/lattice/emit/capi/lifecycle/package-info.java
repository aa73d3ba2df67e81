/**
 * The pure lifecycle of a {@code LatticeCluster}: {@link dev.lattice.emit.capi.lifecycle.ClusterLifecycle#next}
 * maps the current status and one reconcile's {@link dev.lattice.emit.capi.lifecycle.ObservedFacts}
 * to the next status (phase, conditions, observedGeneration, ready counts, message). No clock, no
 * I/O: the runtime supplies the observation time. Condition types: {@code InfrastructureReady},
 * {@code ControlPlaneReady}, {@code WorkersReady}, {@code BootstrapComplete}, {@code AgentConnected},
 * {@code PivotComplete}, {@code UnpivotImported}, {@code Ready}; reasons are the phase names or
 * {@code Waiting}/{@code Observed}.
 */
package dev.lattice.emit.capi.lifecycle;

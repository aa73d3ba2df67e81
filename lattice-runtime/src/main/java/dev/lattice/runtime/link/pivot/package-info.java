/**
 * The pivot: a pure state machine ({@link dev.lattice.runtime.link.pivot.PivotMachine}) over the
 * seed's steps, the {@link dev.lattice.runtime.link.pivot.ClusterMover} that moves the CAPI objects
 * (the real one runs {@code clusterctl move}), and the driver that runs the machine's actions and
 * persists its crash-safety markers.
 */
package dev.lattice.runtime.link.pivot;

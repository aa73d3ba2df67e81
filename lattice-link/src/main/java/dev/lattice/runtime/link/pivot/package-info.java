/**
 * The pivot and its reverse: pure state machines ({@link dev.lattice.runtime.link.pivot.PivotMachine},
 * {@link dev.lattice.runtime.link.pivot.UnpivotMachine}), the
 * {@link dev.lattice.runtime.link.pivot.ClusterMover} that moves the CAPI objects (the real one runs
 * {@code clusterctl move}, either way), and the drivers that run the machines' actions and persist
 * their crash-safety markers ({@code moveComplete}, {@code unpivotImportComplete}).
 */
package dev.lattice.runtime.link.pivot;

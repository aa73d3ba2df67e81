/**
 * The link wired to the cell's {@code LatticeCluster} objects: bootstrap token Secrets,
 * {@code bootstrapComplete}, {@code childrenHealth} and the pivot, driven per reconcile
 * ({@link dev.lattice.runtime.link.wiring.ChildClusterWiring}).
 */
package dev.lattice.runtime.link.wiring;

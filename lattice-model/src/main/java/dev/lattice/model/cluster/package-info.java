/** Specs and status of {@code LatticeCluster} and {@code CloudProvider}. */
package dev.lattice.model.cluster;

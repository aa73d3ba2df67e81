/** Specs of {@code LatticeExternalService} and {@code LatticeMeshMember}. */
package dev.lattice.model.mesh;

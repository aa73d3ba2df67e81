/** The input model of {@code LatticeModel}: Kthena model serving (roles, routing, model source). */
package dev.lattice.model.inference;

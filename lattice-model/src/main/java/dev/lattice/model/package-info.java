/**
 * The Lattice input model: one immutable record per kind ({@link dev.lattice.model.LatticeService},
 * {@link dev.lattice.model.LatticeCluster}, ...), specs in the sub-packages, no nulls (absent
 * scalars are {@link java.util.Optional}, absent collections are empty). Values are read from
 * text by {@link dev.lattice.model.read.LatticeReader}.
 */
package dev.lattice.model;
import dev.lattice.model.base.Values;

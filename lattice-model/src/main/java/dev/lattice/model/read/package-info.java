/**
 * Reading Lattice documents from YAML and JSON with positions: parsing, normalising the accepted
 * spellings, binding to the model and validating single documents. The only package of the model
 * that performs I/O ({@link dev.lattice.model.read.LatticeReader}).
 */
package dev.lattice.model.read;

/**
 * Single-document validation (names, ranges, quantities, probes, placeholders, node bounds) and
 * the Kubernetes name and quantity rules it uses. Pure: no I/O.
 */
package dev.lattice.model.validate;

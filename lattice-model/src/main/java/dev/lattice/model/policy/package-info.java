/** The spec of {@code CedarPolicy}. */
package dev.lattice.model.policy;

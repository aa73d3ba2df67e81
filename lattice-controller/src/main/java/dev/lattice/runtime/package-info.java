/** The Lattice controller: install artefacts, the fleet reconciler, appliers and the process around them. */
package dev.lattice.runtime;

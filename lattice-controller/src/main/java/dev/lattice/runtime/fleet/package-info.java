/**
 * The fleet reconciler, free of the operator framework: custom resources to model values,
 * fault-isolating compilation, owner and hash annotations, the ledger of applied documents, serial
 * per-owner rollouts with pruning, and status/Events.
 */
package dev.lattice.runtime.fleet;

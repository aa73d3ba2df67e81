/**
 * The outbound-only link between a cell and the agents of its child clusters: the
 * {@code lattice.agent.v1} gRPC protocol (generated into {@code link.proto}), its PKI, the cell
 * side, the agent side, the bootstrap webhook and the pivot. See docs/LINK.md.
 */
package dev.lattice.runtime.link;

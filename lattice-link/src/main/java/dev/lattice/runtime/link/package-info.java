/**
 * The outbound-only link between a cell and the agents of its child clusters: the
 * {@code lattice.agent.v1} gRPC protocol (generated into {@code link.proto}), its PKI, the cell
 * side, the agent side, the bootstrap webhook and the pivot. See docs/LINK.md. A type is
 * package-private unless another package uses it ({@code PublicTypesTest} lists the public ones and
 * who uses them); tests sit in the package of the class they test.
 */
package dev.lattice.runtime.link;

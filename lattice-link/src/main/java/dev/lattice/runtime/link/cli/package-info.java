/**
 * The {@code lattice cell} and {@code lattice agent} commands: run the link by hand, with CA, tokens,
 * certificates and state kept in a {@code --data} directory.
 */
package dev.lattice.runtime.link.cli;

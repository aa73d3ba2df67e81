/** The {@code lattice} command line: reading at the edge, the pure compiler inside, writing at the edge. */
package dev.lattice.cli;

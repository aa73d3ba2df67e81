/**
 * The service graph people look at ({@code lattice graph}): a value model of the fleet's members,
 * external services and edges — agreed, one-sided, denied — built from the compiler's plans, and
 * its two renderings, Mermaid and Graphviz DOT. Pure: no I/O; the same plans give the same text.
 */
package dev.lattice.compiler.graph;

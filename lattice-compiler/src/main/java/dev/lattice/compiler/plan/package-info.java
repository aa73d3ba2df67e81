/**
 * The resolved intermediate form between the pipeline's stages and the emitters: members, edges,
 * externals and workloads. Plain immutable data.
 */
package dev.lattice.compiler.plan;

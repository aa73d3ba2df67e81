/** The pipeline's named pure stages: index, declarations, agreement graph, workloads, authorization. */
package dev.lattice.compiler.stage;

/**
 * The Lattice compiler: {@link dev.lattice.compiler.LatticeCompiler} runs the pure pipeline
 * (validate → resolve → authorize → plan) and the emitters over {@link dev.lattice.compiler.Sources}
 * and returns a {@link dev.lattice.compiler.Compilation}.
 */
package dev.lattice.compiler;

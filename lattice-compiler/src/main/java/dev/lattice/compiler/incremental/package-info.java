/**
 * The incremental compiler: {@link dev.lattice.compiler.incremental.IncrementalCompiler} keeps the
 * last compilation ({@link dev.lattice.compiler.incremental.FleetSnapshot}), recompiles only the
 * neighbourhood of what changed ({@link dev.lattice.compiler.incremental.SourceChanges}, {@link
 * dev.lattice.compiler.incremental.ReadChange}, {@link dev.lattice.compiler.incremental.Neighbourhood})
 * and patches the output ({@link dev.lattice.compiler.incremental.OutputDelta}, applied by {@link
 * dev.lattice.compiler.incremental.ListPatch} to the kept {@link dev.lattice.document.PersistentList}s,
 * sharing what it does not change); its result is always byte-identical to a full compile of the
 * same sources.
 */
package dev.lattice.compiler.incremental;

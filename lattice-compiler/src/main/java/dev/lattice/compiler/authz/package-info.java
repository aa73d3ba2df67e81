/**
 * The Cedar gates: platform policies ({@code CedarPolicy} documents) decide what services may do.
 *
 * <p>{@link dev.lattice.compiler.authz.CedarEngine} is built once per compilation from the enabled
 * policies of the input: it parses and validates them against the {@code Lattice} schema
 * ({@code lattice.cedarschema} beside this package; problems are {@code LAT3001}/{@code LAT3002}
 * diagnostics positioned into the policy text), caches the policy set in the native engine, and
 * answers {@link dev.lattice.compiler.authz.GateRequest}s with a
 * {@link dev.lattice.compiler.authz.Decision}. Cedar's semantics hold throughout: default deny, and
 * a satisfied {@code forbid} beats any {@code permit}. Most questions are answered from a scope index
 * without crossing into native code; see {@code ScopeIndex} for why that is exact.
 *
 * <p>Pure: no clock, randomness, files or network (cedar-java extracts and loads its native library
 * once, internally).
 */
package dev.lattice.compiler.authz;

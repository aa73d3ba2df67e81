/**
 * What the benchmarks ({@code lattice bench}, the JMH module) measure, shared so both measure the
 * same thing: a benchmark-shaped fleet with a one-agreement edit of it ({@link
 * dev.lattice.testkit.bench.BenchFleet}), Jackson alone writing a document list (the floor, {@link
 * dev.lattice.testkit.bench.JacksonFloor}) and a sink that counts what it is given.
 */
package dev.lattice.testkit.bench;

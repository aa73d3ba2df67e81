/**
 * JMH benchmarks of the compiler on generated fleets: full compile (parse excluded), compile plus
 * YAML or JSON writing, Jackson alone writing the same documents (the floor), and a recompile
 * after one service changed one agreement ({@code CompileBenchmark}); reading a fleet against
 * Jackson's tree parse of the same texts ({@code ReadBenchmark}). Built by {@code ./mvnw verify}, never run by it; run
 * {@code java -jar lattice-bench/target/benchmarks.jar} (see {@code docs/PERFORMANCE.md}).
 */
package dev.lattice.bench;

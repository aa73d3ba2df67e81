package dev.lattice.bench;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.incremental.IncrementalCompiler;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import dev.lattice.testkit.bench.BenchFleet;
import dev.lattice.testkit.bench.CountingWriter;
import dev.lattice.testkit.bench.JacksonFloor;
import dev.lattice.testkit.fleet.Seeds;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile and write a generated fleet of {@code services} services ({@code FleetShape.ofSize}).
 * The fleet is generated and parsed once per fork, outside the measurement. 50k services: {@code
 * -p services=50000} (needs about 3 GiB of heap).
 *
 * <p>{@link #recompileAfterEdit} measures a full compile of the fleet after one service withdrew
 * one agreement; {@link #incrementalRecompile} the same edit through an {@code IncrementalCompiler},
 * alternately made and undone (each call compiles one of the two from the other's kept output).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class CompileBenchmark {
  @Param({"1000", "10000"})
  public int services;

  private LatticeCompiler compiler;
  private Sources sources;
  private Sources edited;
  private List<Document> documents;
  private IncrementalCompiler incremental;
  private Sources editedInPlace;
  private boolean editNext = true;

  /** Generates and parses the fleet and its edit, and compiles once for the writing benchmarks. */
  @Setup(Level.Trial)
  public void setUp() {
    BenchFleet bench = BenchFleet.generate(services, Seeds.DEFAULT);
    compiler = LatticeCompiler.builder().build();
    sources = bench.parse();
    edited = bench.parseEdited();
    Compilation c = compiler.compile(sources);
    if (c.hasErrors() || compiler.compile(edited).hasErrors()) {
      throw new IllegalStateException("the generated fleet does not compile");
    }
    documents = c.documents();
    incremental = new IncrementalCompiler(compiler);
    editedInPlace = bench.editedFrom(sources);
    incremental.compile(sources);
    if (!incremental.compile(editedInPlace).documents().equals(compiler.compile(edited).documents())
        || !incremental.lastRecompile().incremental()) {
      throw new IllegalStateException("the incremental recompile of the edit is not incremental or not equal: "
          + incremental.lastRecompile());
    }
    editNext = false;
  }

  /** One agreement changed, or the change undone, from the other's kept output. */
  @Benchmark
  public Compilation incrementalRecompile() {
    Compilation c = incremental.compile(editNext ? editedInPlace : sources);
    editNext = !editNext;
    return c;
  }

  /** Derivation to in-memory documents, gates included. */
  @Benchmark
  public Compilation compile() {
    return compiler.compile(sources);
  }

  /** Compile, then the YAML stream {@code lattice compile} prints. */
  @Benchmark
  public long compileAndWriteYaml() {
    CountingWriter out = new CountingWriter();
    DocumentWriter.writeYaml(compiler.compile(sources).documents(), out);
    return out.chars() + out.checksum();
  }

  /** Jackson alone writing the same documents as YAML: the floor. */
  @Benchmark
  public long jacksonYamlOnly() {
    CountingWriter out = new CountingWriter();
    JacksonFloor.yaml(documents, out);
    return out.chars() + out.checksum();
  }

  /** The streaming writer alone writing the same documents as YAML (the text of {@link #jacksonYamlOnly}). */
  @Benchmark
  public long streamingYamlOnly() {
    CountingWriter out = new CountingWriter();
    DocumentWriter.writeYaml(documents, out);
    return out.chars() + out.checksum();
  }

  /** Compile, then JSON lines. */
  @Benchmark
  public long compileAndWriteJson() {
    CountingWriter out = new CountingWriter();
    DocumentWriter.writeJsonLines(compiler.compile(sources).documents(), out);
    return out.chars() + out.checksum();
  }

  /** Jackson alone writing the same documents as JSON. */
  @Benchmark
  public long jacksonJsonOnly() {
    CountingWriter out = new CountingWriter();
    JacksonFloor.json(documents, out);
    return out.chars() + out.checksum();
  }

  /** A full compile of the fleet after one service changed one agreement. */
  @Benchmark
  public Compilation recompileAfterEdit() {
    return compiler.compile(edited);
  }
}

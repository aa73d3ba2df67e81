package dev.lattice.bench;

import dev.lattice.compiler.Sources;
import dev.lattice.testkit.bench.BenchFleet;
import dev.lattice.testkit.bench.ParseFloor;
import dev.lattice.testkit.fleet.Seeds;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * Reading a generated fleet of {@code services} services ({@code FleetShape.ofSize}, the CI seed)
 * against Jackson's own YAML tree parse of the same texts, the floor ({@link ParseFloor}: an
 * {@code ObjectMapper} over {@code YAMLFactory}, every document). The fleet is read as one
 * multi-document text ({@code oneFile*}, what {@code lattice validate fleet.yaml} reads) and as its
 * files ({@code files*}, one text per object as the generator writes them). Lattice's read is
 * {@code Sources.fromStrings}: parse, bind, and each document's own validation, the reader's
 * whole work before the compiler's stages. {@code *Single} runs it inside a one-thread {@link
 * ForkJoinPool}, so the reader's parallel streams run on that one thread: the figure to compare with
 * the floor, which is single-threaded; the others use both cores as the CLI does.
 *
 * <p>{@link #main} runs the benchmarks (JMH's command-line options apply) and prints the ratios to
 * the floor (medians of the measured iterations): {@code java -cp lattice-bench/target/benchmarks.jar dev.lattice.bench.ReadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class ReadBenchmark {
  @Param({"1000", "10000"})
  public int services;

  private Map<String, String> files;
  private Map<String, String> oneFile;
  private ForkJoinPool oneThread;

  /** Generates the fleet and checks that it reads without errors and as many objects as documents. */
  @Setup(Level.Trial)
  public void setUp() {
    BenchFleet bench = BenchFleet.generate(services, Seeds.DEFAULT);
    files = bench.fleet().files();
    oneFile = Map.of("fleet.yaml", bench.oneFile());
    oneThread = new ForkJoinPool(1);
    Sources read = Sources.fromStrings(oneFile);
    long documents = ParseFloor.trees(oneFile);
    if (read.readDiagnostics().stream().anyMatch(d -> d.isError()) || read.objects().size() != documents
        || Sources.fromStrings(files).objects().size() != documents) {
      throw new IllegalStateException("the generated fleet does not read cleanly: " + read.objects().size() + " objects of "
          + documents + " documents");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    oneThread.shutdown();
  }

  /** Jackson's tree parse of the one text: the floor. */
  @Benchmark
  public long oneFileFloor() {
    return ParseFloor.trees(oneFile);
  }

  /** Lattice's read of the one text, on both cores (chunks in parallel). */
  @Benchmark
  public int oneFileRead() {
    return Sources.fromStrings(oneFile).objects().size();
  }

  /** Lattice's read of the one text, on one thread. */
  @Benchmark
  public int oneFileReadSingle() {
    return onOneThread(() -> Sources.fromStrings(oneFile).objects().size());
  }

  /** Jackson's tree parse of every file: the floor. */
  @Benchmark
  public long filesFloor() {
    return ParseFloor.trees(files);
  }

  /** Lattice's read of every file, on both cores (files in parallel). */
  @Benchmark
  public int filesRead() {
    return Sources.fromStrings(files).objects().size();
  }

  /** Lattice's read of every file, on one thread. */
  @Benchmark
  public int filesReadSingle() {
    return onOneThread(() -> Sources.fromStrings(files).objects().size());
  }

  private int onOneThread(Supplier<Integer> read) {
    try {
      return oneThread.submit(read::get).get(); // parallel streams started inside a pool run in that pool
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Runs this class's benchmarks (JMH options from the command line) and prints each read's ratio to its floor. */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions options = new CommandLineOptions(args);
    var builder = new org.openjdk.jmh.runner.options.OptionsBuilder().parent(options);
    if (options.getIncludes().isEmpty()) {
      builder.include(ReadBenchmark.class.getName() + "\\.");
    }
    printRatios(new Runner(builder.build()).run());
  }

  private static void printRatios(Collection<RunResult> results) {
    Map<String, Double> scores = new TreeMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      String method = name.substring(name.lastIndexOf('.') + 1);
      scores.put(r.getParams().getParam("services") + " " + method, r.getPrimaryResult().getStatistics().getPercentile(50));
    }
    System.out.println("ratio to Jackson's tree parse (same run, median ms of the measured iterations):");
    scores.forEach((key, score) -> {
      String[] k = key.split(" ");
      String input = k[1].startsWith("oneFile") ? "oneFile" : "files";
      Double floor = scores.get(k[0] + " " + input + "Floor");
      if (!k[1].endsWith("Floor") && floor != null) {
        System.out.printf(Locale.ROOT, "services=%-6s %-18s %9.1f ms / %9.1f ms = %.2f%n", k[0], k[1], score, floor, score / floor);
      }
    });
  }
}

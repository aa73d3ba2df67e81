package dev.lattice.cli;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.testkit.bench.BenchFleet;
import dev.lattice.testkit.bench.CountingWriter;
import dev.lattice.testkit.bench.JacksonFloor;
import dev.lattice.testkit.bench.ParseFloor;
import dev.lattice.testkit.fleet.Seeds;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lattice bench --services N}: an in-process measurement on a generated fleet of N services
 * (the benchmark shape of {@code lattice-testkit}). It parses the fleet once, warms up, then runs
 * every stage once per round, round after round, so the machine's noise falls on all stages alike,
 * and prints the median of each. Ratios are the figures to compare across machines; the JMH module
 * {@code lattice-bench} gives the careful numbers.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure compile and serialisation time on a generated fleet (medians of several rounds).")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--services", required = true, paramLabel = "N", description = "services in the generated fleet (at least 20)")
  int services;

  @Option(names = "--iterations", defaultValue = "5", paramLabel = "K", description = "measured rounds (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--warmup", defaultValue = "2", paramLabel = "W", description = "warm-up rounds, not measured (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--seed", paramLabel = "S", description = "fleet seed (default: the CI seed)")
  long seed = Seeds.DEFAULT;

  @Option(names = "--end-to-end", description = "run the real commands (validate, compile, --version) as new JVMs on the "
      + "fleet written to disk as one file and as one file per object, beside a parse-only JVM (Jackson's floor)")
  boolean endToEnd;

  private final CountingWriter sink = new CountingWriter();
  private long consumed;

  @Override
  public Integer call() {
    if (services < 20 || iterations < 1 || warmup < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "need --services >= 20, --iterations >= 1, --warmup >= 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println("lattice bench: generating " + services + " services (seed " + seed + ")...");
    err.flush();
    BenchFleet bench = BenchFleet.generate(services, seed);
    if (endToEnd) {
      try {
        return new EndToEndBench(bench, warmup, iterations, out, err).run();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return LatticeCommand.INTERNAL;
      }
    }
    LatticeCompiler compiler = LatticeCompiler.builder().build();
    Sources sources = bench.parse();
    Sources edited = bench.parseEdited();
    Compilation first = compiler.compile(sources);
    if (first.hasErrors() || compiler.compile(edited).hasErrors()) {
      first.diagnostics().stream().filter(Diagnostic::isError).limit(10).forEach(d -> err.println(d.render()));
      err.println("lattice bench: the generated fleet does not compile (a bug in the generator)");
      return LatticeCommand.INTERNAL;
    }
    List<Document> documents = first.documents();
    Map<String, Runnable> stages = new LinkedHashMap<>();
    stages.put("parse", () -> consumed += bench.parse().objects().size());
    stages.put("parse floor (Jackson trees)", () -> consumed += ParseFloor.trees(bench.fleet().files()));
    stages.put("derive", () -> consumed += compiler.compile(sources).documents().size());
    stages.put("derive+YAML", () -> DocumentWriter.writeYaml(compiler.compile(sources).documents(), sink));
    stages.put("YAML-only (Jackson)", () -> JacksonFloor.yaml(documents, sink));
    stages.put("YAML-only (streaming)", () -> DocumentWriter.writeYaml(documents, sink));
    stages.put("derive+JSON", () -> DocumentWriter.writeJsonLines(compiler.compile(sources).documents(), sink));
    stages.put("JSON-only (Jackson)", () -> JacksonFloor.json(documents, sink));
    stages.put("recompile after 1 edit (full)", () -> consumed += compiler.compile(edited).documents().size());
    // incremental: the edit, then its undo, each from the other's kept output
    dev.lattice.compiler.incremental.IncrementalCompiler incremental = new dev.lattice.compiler.incremental.IncrementalCompiler(compiler);
    Sources editedInPlace = bench.editedFrom(sources);
    incremental.compile(sources);
    String incrementalCheck = checkIncremental(incremental, editedInPlace, compiler.compile(edited));
    incremental.compile(sources);
    stages.put("recompile after 1 edit (incremental)", () -> consumed += incremental.compile(editedInPlace).documents().size());
    stages.put("undo the edit (incremental)", () -> consumed += incremental.compile(sources).documents().size());
    // the six Cedar gates alone: every question of the fleet, engine built from the policies each time
    var unauthorized = new dev.lattice.compiler.stage.Pipeline(compiler.options(), dev.lattice.compiler.stage.Authorizer.ALLOW_ALL)
        .plan(sources.objects(), new dev.lattice.model.diagnostics.Diagnostics());
    int questions = first.plan().map(p -> p.gates().size()).orElse(0);
    stages.put("gates (" + questions + " questions)", () -> consumed += new dev.lattice.compiler.authz.GateAuthorizer()
        .authorize(unauthorized, sources.objects(), new dev.lattice.model.diagnostics.Diagnostics()).gates().size());
    // lattice check: every compiled document as it is written, against the bundled upstream schemas, both cores
    dev.lattice.conformance.KubernetesValidator validator = dev.lattice.conformance.KubernetesValidator.bundled();
    List<String> texts = documents.stream().map(d -> {
      java.io.StringWriter w = new java.io.StringWriter();
      DocumentWriter.writeYaml(List.of(d), w);
      return w.toString();
    }).toList();
    String checkStage = "check (" + documents.size() + " documents)";
    stages.put(checkStage, () -> consumed += texts.parallelStream()
        .mapToInt(t -> validator.validate("bench.yaml", t).failed()).sum());
    long failing = texts.parallelStream().filter(t -> !validator.validate("bench.yaml", t).ok()).count();
    err.println("lattice bench: " + warmup + " warm-up and " + iterations + " measured rounds of " + stages.size() + " stages...");
    err.flush();
    HeapProbe heap = new HeapProbe();
    Map<String, List<Long>> times = new LinkedHashMap<>();
    stages.keySet().forEach(k -> times.put(k, new ArrayList<>()));
    for (int round = 0; round < warmup + iterations; round++) {
      if (round == warmup) {
        heap.resetPeaks();
      }
      for (Map.Entry<String, Runnable> stage : stages.entrySet()) {
        long start = System.nanoTime();
        stage.getValue().run();
        long nanos = System.nanoTime() - start;
        if (round >= warmup) {
          times.get(stage.getKey()).add(nanos);
        }
      }
    }
    long peak = heap.peakBytes();
    long retained = heap.retainedBy(() -> compiler.compile(sources));
    report(out, bench, documents, times, peak, retained, incrementalCheck);
    out.printf(java.util.Locale.ROOT, "check: %.0f documents/s (median), %d of %d documents failing the upstream schemas%n",
        documents.size() / Math.max(1e-9, median(times.get(checkStage)) / 1e9), failing, documents.size());
    out.flush();
    return consumed + sink.checksum() == Long.MIN_VALUE ? LatticeCommand.INTERNAL : LatticeCommand.OK;
  }

  private void report(PrintWriter out, BenchFleet bench, List<Document> documents, Map<String, List<Long>> times,
      long peak, long retained, String incrementalCheck) {
    CountingWriter yaml = new CountingWriter();
    DocumentWriter.writeYaml(documents, yaml);
    CountingWriter json = new CountingWriter();
    DocumentWriter.writeJsonLines(documents, json);
    out.printf(java.util.Locale.ROOT, "lattice bench: %d services, %d namespaces, %d input objects, %d documents "
            + "(%.1f MB YAML, %.1f MB JSON); %d warm-up + %d measured rounds, seed %d%n",
        services, bench.fleet().workloads().stream().map(w -> w.namespace()).distinct().count(),
        bench.parse().objects().size(), documents.size(), yaml.chars() / 1e6, json.chars() / 1e6, warmup, iterations, seed);
    out.printf(java.util.Locale.ROOT, "%-32s %10s %10s%n", "stage", "median ms", "min ms");
    times.forEach((name, list) -> out.printf(java.util.Locale.ROOT, "%-32s %10.1f %10.1f%n", name, median(list) / 1e6,
        list.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6));
    out.printf(java.util.Locale.ROOT, "%-32s %10d MiB (sum of heap pool peaks while measuring)%n", "peak heap", peak >> 20);
    out.printf(java.util.Locale.ROOT, "%-32s %10d MiB (live after GC: plan + documents of one compile)%n", "retained by a compile",
        retained >> 20);
    out.println(incrementalCheck);
    out.printf(java.util.Locale.ROOT, "ratio incremental/full recompile = %.4f%n",
        ratio(times, "recompile after 1 edit (incremental)", "recompile after 1 edit (full)"));
    out.printf(java.util.Locale.ROOT, "ratio parse/parse floor = %.2f (parse: read, bind, validate each document, both cores; floor: one thread)%n",
        ratio(times, "parse", "parse floor (Jackson trees)"));
    out.printf(java.util.Locale.ROOT, "ratio derive/YAML-only = %.2f%n", ratio(times, "derive", "YAML-only (Jackson)"));
    out.printf(java.util.Locale.ROOT, "ratio compile+JSON/JSON-only = %.2f%n", ratio(times, "derive+JSON", "JSON-only (Jackson)"));
    out.printf(java.util.Locale.ROOT, "ratio streaming YAML/Jackson JSON = %.2f%n", ratio(times, "YAML-only (streaming)", "JSON-only (Jackson)"));
    out.printf(java.util.Locale.ROOT, "ratio streaming YAML/Jackson YAML = %.2f%n", ratio(times, "YAML-only (streaming)", "YAML-only (Jackson)"));
    out.printf(java.util.Locale.ROOT, "ratio compile+serialize/serialize-only = %.2f%n", ratio(times, "derive+YAML", "YAML-only (Jackson)"));
    out.flush();
  }

  /** Says whether the incremental recompile of the edit was incremental and equal to a full compile of it. */
  private static String checkIncremental(dev.lattice.compiler.incremental.IncrementalCompiler incremental, Sources edited, Compilation full) {
    Compilation got = incremental.compile(edited);
    var how = incremental.lastRecompile();
    boolean same = got.documents().equals(full.documents()) && got.diagnostics().equals(full.diagnostics());
    return "incremental recompile: " + (how.incremental() ? "incremental" : "FULL (" + how.reason() + ")") + ", "
        + how.affected() + " affected addresses, " + how.derivedObjects() + " objects derived twice; output "
        + (same ? "equal to the full compile" : "DIFFERENT FROM THE FULL COMPILE (a bug)");
  }

  private static double ratio(Map<String, List<Long>> times, String a, String b) {
    return median(times.get(a)) / Math.max(1.0, median(times.get(b)));
  }

  static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}

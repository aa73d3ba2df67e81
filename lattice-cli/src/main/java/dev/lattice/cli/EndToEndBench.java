package dev.lattice.cli;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.document.DocumentWriter;
import dev.lattice.testkit.bench.BenchFleet;
import dev.lattice.testkit.bench.CountingWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code lattice bench --end-to-end}: the real command, as CI and people run it. The generated fleet
 * is written to a temporary folder twice — as one multi-document file and as one file per object —
 * and each command runs as its own JVM (start included, output discarded), round after round, beside
 * the floor of a JVM that only parses the same bytes into Jackson trees ({@link ParseFloor}) and the
 * streaming YAML writer alone on the compiled documents (in this JVM, warm).
 */
final class EndToEndBench {
  private final BenchFleet bench;
  private final int warmup;
  private final int iterations;
  private final PrintWriter out;
  private final PrintWriter err;

  EndToEndBench(BenchFleet bench, int warmup, int iterations, PrintWriter out, PrintWriter err) {
    this.bench = bench;
    this.warmup = warmup;
    this.iterations = iterations;
    this.out = out;
    this.err = err;
  }

  int run() throws IOException, InterruptedException {
    Path root = Files.createTempDirectory("lattice-bench-");
    try {
      Path one = root.resolve("one");
      Path many = root.resolve("many");
      writeFleet(one, many);
      Map<String, List<String>> commands = new LinkedHashMap<>();
      commands.put("lattice --version", lattice("--version"));
      commands.put("Jackson parse floor, 1 file", java(ParseFloor.class.getName(), one.toString()));
      commands.put("lattice validate, 1 file", lattice("validate", one.toString()));
      commands.put("lattice compile, 1 file", lattice("compile", one.toString()));
      commands.put("Jackson parse floor, N files", java(ParseFloor.class.getName(), many.toString()));
      commands.put("lattice validate, N files", lattice("validate", many.toString()));
      commands.put("lattice compile, N files", lattice("compile", many.toString()));
      Map<String, List<Long>> times = new LinkedHashMap<>();
      commands.keySet().forEach(k -> times.put(k, new ArrayList<>()));
      err.println("lattice bench --end-to-end: " + warmup + " warm-up and " + iterations + " measured rounds of "
          + commands.size() + " commands, each its own JVM...");
      err.flush();
      for (int round = 0; round < warmup + iterations; round++) {
        for (Map.Entry<String, List<String>> c : commands.entrySet()) {
          long nanos = time(c.getKey(), c.getValue());
          if (nanos < 0) {
            return LatticeCommand.INTERNAL;
          }
          if (round >= warmup) {
            times.get(c.getKey()).add(nanos);
          }
        }
      }
      times.put("streaming YAML writer alone", writerAlone());
      report(times);
      return LatticeCommand.OK;
    } finally {
      deleteTree(root);
    }
  }

  private void writeFleet(Path one, Path many) throws IOException {
    Files.createDirectories(one);
    for (Map.Entry<String, String> f : bench.fleet().files().entrySet()) {
      Path file = many.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
    }
    Files.writeString(one.resolve("fleet.yaml"), bench.oneFile(), StandardCharsets.UTF_8);
  }

  /** Wall time of one child JVM, or -1 after saying why it failed. */
  private long time(String name, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Path errors = Files.createTempFile("lattice-bench-", ".err");
    pb.redirectError(errors.toFile());
    long start = System.nanoTime();
    int code = pb.start().waitFor();
    long nanos = System.nanoTime() - start;
    String stderr = Files.readString(errors, StandardCharsets.UTF_8);
    Files.delete(errors);
    if (code != 0) {
      err.println("lattice bench --end-to-end: `" + name + "` exited " + code + "\n" + stderr.lines().limit(20)
          .reduce("", (a, b) -> a + b + "\n"));
      err.flush();
      return -1;
    }
    return nanos;
  }

  private List<Long> writerAlone() {
    Compilation compiled = LatticeCompiler.builder().build().compile(bench.parse());
    List<Long> times = new ArrayList<>();
    for (int round = 0; round < warmup + iterations; round++) {
      CountingWriter sink = new CountingWriter();
      long start = System.nanoTime();
      DocumentWriter.writeYaml(compiled.documents(), sink);
      if (round >= warmup) {
        times.add(System.nanoTime() - start);
      }
    }
    return times;
  }

  private void report(Map<String, List<Long>> times) {
    out.printf(Locale.ROOT, "lattice bench --end-to-end: %d workloads in 1 file and in %d files (%.1f MB); "
            + "%d warm-up + %d measured rounds; each command a new JVM (%s)%n",
        bench.fleet().workloads().size(), bench.fleet().files().size(), bench.inputChars() / 1e6, warmup, iterations,
        String.join(" ", jvmOptions()).isEmpty() ? "default JVM options" : String.join(" ", jvmOptions()));
    out.printf(Locale.ROOT, "%-32s %10s %10s%n", "command", "median ms", "min ms");
    times.forEach((name, list) -> out.printf(Locale.ROOT, "%-32s %10.1f %10.1f%n", name, BenchCommand.median(list) / 1e6,
        list.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6));
    for (String files : List.of("1 file", "N files")) {
      double floor = BenchCommand.median(times.get("Jackson parse floor, " + files));
      out.printf(Locale.ROOT, "ratio validate/parse floor, %s = %.2f%n", files,
          BenchCommand.median(times.get("lattice validate, " + files)) / floor);
      out.printf(Locale.ROOT, "ratio compile/parse floor, %s = %.2f%n", files,
          BenchCommand.median(times.get("lattice compile, " + files)) / floor);
    }
    out.flush();
  }

  private static List<String> lattice(String... args) {
    List<String> command = java(LatticeCommand.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  private static List<String> java(String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  /**
   * The options the children run with, as the launcher runs one-shot commands: its
   * {@code LATTICE_COMMAND_JVM_OPTS} (collector and compiler choice, exported by {@code ./lattice}),
   * then this JVM's heap and class-sharing options.
   */
  static List<String> jvmOptions() {
    List<String> options = new ArrayList<>();
    String command = System.getenv("LATTICE_COMMAND_JVM_OPTS");
    if (command != null && !command.isBlank()) {
      options.addAll(List.of(command.trim().split("\\s+")));
    }
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xm") || a.startsWith("-Xss") || a.startsWith("-Xshare") || a.startsWith("-XX:SharedArchiveFile"))
        .forEach(options::add);
    return List.copyOf(options);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

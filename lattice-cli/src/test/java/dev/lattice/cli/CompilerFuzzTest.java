package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.testkit.fleet.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline, not just the reader, over mutated examples (lines dropped, duplicated, swapped,
 * re-indented, values changed): no exception escapes {@code compile}, and whenever there is an error
 * there is no output.
 */
class CompilerFuzzTest {
  private static final int MUTANTS = 400;

  @Test
  void mutatedExamplesNeverCrashTheCompiler() throws IOException {
    Path root = ProjectPaths.root();
    List<Path> dirs = ExampleRun.exampleDirs(root).stream()
        .filter(d -> !Files.isDirectory(d.resolve(".lattice")) && !d.getFileName().toString().equals("invalid")).toList();
    long seed = Seeds.base();
    SplittableRandom random = new SplittableRandom(seed);
    LatticeCompiler compiler = LatticeCompiler.builder().build();
    int withErrors = 0;
    for (int i = 0; i < MUTANTS; i++) {
      Path dir = dirs.get(random.nextInt(dirs.size()));
      Map<String, String> files = new LinkedHashMap<>();
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path f : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
          files.put(root.relativize(f).toString(), Files.readString(f));
        }
      }
      List<String> names = new ArrayList<>(files.keySet());
      String victim = names.get(random.nextInt(names.size()));
      files.put(victim, mutate(files.get(victim), random));
      String context = "seed " + seed + ", mutant " + i + " of " + victim;
      Compilation c;
      try {
        c = compiler.compile(Sources.fromStrings(files));
      } catch (RuntimeException e) {
        throw new AssertionError(context + ": the compiler threw\n" + files.get(victim), e);
      }
      if (c.hasErrors()) {
        withErrors++;
        assertThat(c.documents()).as(context).isEmpty();
        assertThat(c.diagnostics()).as(context).filteredOn(Diagnostic::isError).allSatisfy(d -> assertThat(d.position().line()).isPositive());
      }
    }
    System.out.println("compiler fuzz: " + MUTANTS + " mutated example sets, " + withErrors + " with errors, seed " + seed);
  }

  static String mutate(String text, SplittableRandom random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (lines.size() < 3) {
      return text + "\n" + text;
    }
    int at = 1 + random.nextInt(lines.size() - 2);
    switch (random.nextInt(6)) {
      case 0 -> lines.remove(at);
      case 1 -> lines.add(at, lines.get(at));
      case 2 -> {
        int other = 1 + random.nextInt(lines.size() - 2);
        String t = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, t);
      }
      case 3 -> lines.set(at, "  " + lines.get(at));
      case 4 -> lines.set(at, lines.get(at).replaceAll(":\\s*\\S.*$", ": " + List.of("0", "-1", "\"\"", "[]", "{}", "x*y", "99999").get(random.nextInt(7))));
      default -> lines.set(at, lines.get(at).replaceAll("[a-z]", String.valueOf((char) ('a' + random.nextInt(26)))));
    }
    return String.join("\n", lines);
  }
}

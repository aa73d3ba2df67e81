package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Over generated fleets: the compiler's agreement graph is exactly the edges where both halves were
 * declared, external edges exactly those the external service allows; output is byte-identical
 * under any permutation of files and of documents within files.
 */
class AgreementPropertyTest {
  private static final int FLEETS = 40;

  @Test
  void agreedEdgesAreExactlyTheBilateralDeclarations() {
    long base = Seeds.base();
    int edges = 0;
    for (int i = 0; i < FLEETS; i++) {
      long seed = Seeds.of(base, i);
      Fleet fleet = FleetGenerator.generate(seed, FleetShape.small());
      Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(fleet.files()));
      String context = "seed " + seed + " (replay with -Dlattice.seed=" + base + ", fleet " + i + ")\n" + errors(c);
      assertThat(c.hasErrors()).as(context).isFalse();
      FleetPlan plan = c.plan().orElseThrow();
      Set<Fleet.Edge> derived = plan.edges().stream().map(e -> new Fleet.Edge(e.caller().toString(), e.callee().toString()))
          .collect(Collectors.toCollection(() -> new TreeSet<>(java.util.Comparator.comparing(Fleet.Edge::from).thenComparing(Fleet.Edge::to))));
      assertThat(derived).as(context).containsExactlyElementsOf(fleet.agreedEdges());
      Set<Fleet.Edge> external = plan.externalEdges().stream().map(e -> new Fleet.Edge(e.caller().toString(), e.external().toString()))
          .collect(Collectors.toCollection(() -> new TreeSet<>(java.util.Comparator.comparing(Fleet.Edge::from).thenComparing(Fleet.Edge::to))));
      assertThat(external).as(context).containsExactlyElementsOf(fleet.externalEdges());
      edges += derived.size() + external.size();
    }
    System.out.println("agreement property: " + FLEETS + " fleets, " + edges + " edges checked, base seed " + base);
  }

  @Test
  void outputIsByteIdenticalUnderAnyPermutation() {
    long base = Seeds.base();
    for (int i = 0; i < 10; i++) {
      long seed = Seeds.of(base, i);
      Fleet fleet = FleetGenerator.generate(seed, FleetShape.small());
      LatticeCompiler compiler = LatticeCompiler.builder().build();
      String expected = compiler.compile(Sources.fromStrings(fleet.files())).toYaml();
      assertThat(compiler.compile(Sources.fromStrings(fleet.files())).toYaml()).as("compiling twice, seed " + seed).isEqualTo(expected);
      Random shuffle = new Random(seed);
      for (int k = 0; k < 3; k++) {
        assertThat(compiler.compile(Sources.fromStrings(permute(fleet.files(), shuffle))).toYaml())
            .as("permuted input, seed " + seed + " permutation " + k).isEqualTo(expected);
      }
    }
  }

  /** Shuffles the files and splits every file's documents into shuffled single-document files. */
  static Map<String, String> permute(Map<String, String> files, Random random) {
    List<Map.Entry<String, String>> docs = new ArrayList<>();
    files.forEach((name, text) -> {
      String[] parts = text.split("(?m)^---\\s*$");
      for (int j = 0; j < parts.length; j++) {
        if (!parts[j].isBlank()) {
          docs.add(Map.entry(name + "#" + j + ".yaml", parts[j]));
        }
      }
    });
    Collections.shuffle(docs, random);
    Map<String, String> out = new LinkedHashMap<>();
    docs.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static String errors(Compilation c) {
    return c.diagnostics().stream().filter(Diagnostic::isError).limit(20).map(Diagnostic::render).collect(Collectors.joining("\n"));
  }
}

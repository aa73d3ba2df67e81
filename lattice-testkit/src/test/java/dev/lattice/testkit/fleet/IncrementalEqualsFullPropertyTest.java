package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.incremental.IncrementalCompiler;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Over random edit sequences on generated fleets: after every edit, the incremental compiler's
 * result equals a fresh full compile of the same files — documents, their YAML and every
 * diagnostic — and most edits do take the incremental path. An edit that brings an error is checked,
 * then reverted, as its author would; the revert is checked with the next edit (a test that always fell back to a full
 * compile would prove nothing).
 */
class IncrementalEqualsFullPropertyTest {
  private static final int FLEETS = 12;
  private static final int EDITS = 40;

  @Test
  void everyIncrementalResultEqualsAFullCompile() {
    long base = Seeds.base();
    LatticeCompiler compiler = LatticeCompiler.builder().build();
    int incremental = 0;
    int total = 0;
    List<String> fallbacks = new ArrayList<>();
    for (int i = 0; i < FLEETS; i++) {
      long seed = Seeds.of(base, i);
      Fleet fleet = FleetGenerator.generate(seed, i % 3 == 2 ? FleetShape.ofSize(150) : FleetShape.small());
      SplittableRandom random = new SplittableRandom(seed);
      RandomEdits edits = new RandomEdits(random, fleet);
      IncrementalCompiler inc = new IncrementalCompiler(compiler);
      ParsedFiles files = ParsedFiles.of(fleet.files());
      inc.compile(files.sources());
      List<String> history = new ArrayList<>();
      for (int e = 0; e < EDITS; e++) {
        RandomEdits.Edit edit = edits.next(files);
        ParsedFiles before = files;
        files = edit.after();
        history.add(edit.description());
        Sources sources = files.sources();
        Compilation got = inc.compile(sources);
        Compilation want = compiler.compile(sources);
        String context = "seed " + seed + " (replay with -Dlattice.seed=" + base + ", fleet " + i + "), edit " + e
            + " via " + inc.lastRecompile() + "; edits:\n  " + String.join("\n  ", history);
        assertThat(render(got.diagnostics())).as(context).isEqualTo(render(want.diagnostics()));
        assertThat(got.documents()).as(context).isEqualTo(want.documents());
        assertThat(got.toYaml()).as(context).isEqualTo(want.toYaml());
        total++;
        if (want.hasErrors()) {
          files = before; // the author fixes it: the next compile sees the input of before this edit
          history.add("reverted");
        }
        if (inc.lastRecompile().incremental()) {
          incremental++;
        } else {
          fallbacks.add(inc.lastRecompile().reason());
        }
      }
    }
    System.out.println("incremental property: " + total + " edits over " + FLEETS + " fleets, " + incremental
        + " incremental, base seed " + base + "; full compiles because: " + summary(fallbacks));
    assertThat(incremental).as("edits compiled incrementally (full because: %s)", summary(fallbacks)).isGreaterThan(total / 2);
  }

  private static List<String> render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> d.render() + " [" + d.severity() + "]").toList();
  }

  private static String summary(List<String> reasons) {
    return reasons.stream().collect(java.util.stream.Collectors.groupingBy(r -> r, java.util.TreeMap::new,
        java.util.stream.Collectors.counting())).toString();
  }
}

package dev.lattice.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.document.DocumentWriter;
import dev.lattice.testkit.fleet.Fleet;
import dev.lattice.testkit.fleet.Seeds;
import java.io.StringWriter;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark fixture: the edit withdraws exactly one edge; the floor writes what the writer writes. */
class BenchFleetTest {
  private final LatticeCompiler compiler = LatticeCompiler.builder().build();

  @Test
  void theEditWithdrawsExactlyOneAgreedEdge() {
    for (int i = 0; i < 5; i++) {
      long seed = Seeds.of(Seeds.base(), i);
      BenchFleet bench = BenchFleet.generate(300, seed);
      Compilation before = compiler.compile(bench.parse());
      Compilation after = compiler.compile(bench.parseEdited());
      assertThat(after.hasErrors()).as("seed " + seed).isFalse();
      Set<Fleet.Edge> expected = new TreeSet<>(java.util.Comparator.comparing(Fleet.Edge::from).thenComparing(Fleet.Edge::to));
      expected.addAll(edges(before));
      assertThat(expected.remove(bench.withdrawn())).as("seed " + seed).isTrue();
      assertThat(edges(after)).as("seed " + seed).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void theFloorWritesTheSameTextAsTheWriter() {
    Compilation c = compiler.compile(BenchFleet.generate(200, Seeds.base()).parse());
    StringWriter yaml = new StringWriter();
    JacksonFloor.yaml(c.documents(), yaml);
    assertThat(yaml.toString()).isEqualTo(DocumentWriter.toYaml(c.documents()));
    StringWriter written = new StringWriter();
    DocumentWriter.writeYaml(c.documents(), written);
    assertThat(written.toString()).isEqualTo(yaml.toString());
    StringWriter json = new StringWriter();
    JacksonFloor.json(c.documents(), json);
    StringWriter lines = new StringWriter();
    DocumentWriter.writeJsonLines(c.documents(), lines);
    assertThat(json + "\n").isEqualTo(lines.toString());
    assertThat(lines.toString().lines()).hasSize(c.documents().size());
    CountingWriter counted = new CountingWriter();
    JacksonFloor.yaml(c.documents(), counted);
    assertThat(counted.chars()).isEqualTo(yaml.toString().length());
  }

  private static Set<Fleet.Edge> edges(Compilation c) {
    return c.plan().orElseThrow().edges().stream().map(e -> new Fleet.Edge(e.caller().toString(), e.callee().toString()))
        .collect(Collectors.toCollection(() -> new TreeSet<>(java.util.Comparator.comparing(Fleet.Edge::from).thenComparing(Fleet.Edge::to))));
  }
}

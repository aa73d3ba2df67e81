package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import java.util.List;
import java.util.function.Consumer;

/**
 * One seeded generated fleet compiled without errors, with the line that replays it: what the
 * simulator-backed property tests start from.
 *
 * @param context {@code seed S (replay: -Dlattice.seed=B, fleet I)}, for assertion messages
 * @param documents the compiled documents' bodies
 */
record CompiledFleet(String context, Fleet fleet, Compilation compilation, List<JsonNode> documents) {

  /** Generates and compiles {@code count} fleets of {@code shape} from the base seed, asserting each compiles. */
  static void forEach(int count, FleetShape shape, Consumer<CompiledFleet> test) {
    long base = Seeds.base();
    for (int i = 0; i < count; i++) {
      long seed = Seeds.of(base, i);
      Fleet fleet = FleetGenerator.generate(seed, shape);
      Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(fleet.files()));
      String context = "seed " + seed + " (replay: -Dlattice.seed=" + base + ", fleet " + i + ")";
      assertThat(c.hasErrors()).as(context + ": " + c.diagnostics()).isFalse();
      test.accept(new CompiledFleet(context, fleet, c, c.documents().stream().map(Document::json).map(JsonNode.class::cast).toList()));
    }
  }
}

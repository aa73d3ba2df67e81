package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark shape compiles without errors and has what the performance issue asks of it:
 * placeholders (resolved and secret), canaries, autoscaling, externals and mesh members.
 */
class BenchmarkFleetTest {
  @Test
  void benchmarkShapeCompilesCleanlyWithEveryFeature() {
    long seed = Seeds.base();
    Fleet fleet = FleetGenerator.generate(seed, FleetShape.ofSize(500));
    Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(fleet.files()));
    String errors = c.diagnostics().stream().filter(Diagnostic::isError).limit(10).map(Diagnostic::render)
        .collect(Collectors.joining("\n"));
    assertThat(c.hasErrors()).as("seed " + seed + "\n" + errors).isFalse();
    assertThat(c.documents()).extracting(Document::kind)
        .contains("Canary", "ScaledObject", "PodDisruptionBudget", "Namespace");
    String yaml = c.toYaml();
    assertThat(yaml).contains("secretKeyRef", "{{ index . \\\"credentials.password\\\" }}", ": http://svc-")
        .doesNotContain("${resources.");
    assertThat(fleet.workloads().stream().map(Fleet.GeneratedWorkload::namespace).distinct().count()).isEqualTo(10);
  }
}

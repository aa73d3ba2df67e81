package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.conformance.CheckReport;
import dev.lattice.conformance.KubernetesValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every document compiled from the examples passes the strict upstream-schema validator (lattice-conformance). */
class ConformanceTest {

  @Test
  void compiledExamplesPassTheUpstreamSchemas(@TempDir Path out) throws Exception {
    Path root = ProjectPaths.root();
    int documents = 0;
    for (Path dir : ExampleRun.exampleDirs(root)) {
      if (dir.getFileName().toString().equals("invalid")) {
        continue;
      }
      Compilation c = ExampleRun.compile(root, dir);
      assertThat(c.hasErrors()).as(ExampleRun.render(c.diagnostics())).isFalse();
      Files.writeString(out.resolve(dir.getFileName() + ".yaml"), c.toYaml(), StandardCharsets.UTF_8);
      documents += c.documents().size();
    }
    assertThat(documents).isPositive();
    String report = run(out);
    assertThat(report).contains(documents + " passed, 0 failed");
  }

  @Test
  void compiledGeneratedFleetsPassTheUpstreamSchemas(@TempDir Path out) throws Exception {
    long base = dev.lattice.testkit.fleet.Seeds.base();
    int documents = 0;
    for (int i = 0; i < 5; i++) {
      long seed = dev.lattice.testkit.fleet.Seeds.of(base, i);
      var fleet = dev.lattice.testkit.fleet.FleetGenerator.generate(seed, dev.lattice.testkit.fleet.FleetShape.small());
      Compilation c = dev.lattice.compiler.LatticeCompiler.builder().build()
          .compile(dev.lattice.compiler.Sources.fromStrings(fleet.files()));
      assertThat(c.hasErrors()).as("seed " + seed + "\n" + ExampleRun.render(c.diagnostics())).isFalse();
      Files.writeString(out.resolve("fleet-" + seed + ".yaml"), c.toYaml(), StandardCharsets.UTF_8);
      documents += c.documents().size();
    }
    String report = run(out);
    assertThat(report).as("base seed " + base).contains(documents + " passed, 0 failed");
    System.out.println("conformance: " + documents + " documents of 5 generated fleets pass the upstream schemas (base seed " + base + ")");
  }

  /** Validates {@code target} with the bundled upstream schemas; asserts no failure; returns the report. */
  static String run(Path target) throws IOException {
    CheckReport report = KubernetesValidator.bundled().validatePaths(List.of(target));
    assertThat(report.ok()).as(report.text()).isTrue();
    return report.text();
  }
}

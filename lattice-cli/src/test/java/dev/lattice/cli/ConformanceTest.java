package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every document compiled from the examples passes {@code ../shared/tools/validate-k8s} (strict). */
class ConformanceTest {

  @Test
  void compiledExamplesPassTheUpstreamSchemas(@TempDir Path out) throws Exception {
    Path root = ProjectPaths.root();
    Path validator = ProjectPaths.shared().resolve("tools/validate-k8s");
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
    String report = run(validator, out);
    assertThat(report).contains(documents + " passed, 0 failed");
  }

  @Test
  void compiledGeneratedFleetsPassTheUpstreamSchemas(@TempDir Path out) throws Exception {
    Path validator = ProjectPaths.shared().resolve("tools/validate-k8s");
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
    String report = run(validator, out);
    assertThat(report).as("base seed " + base).contains(documents + " passed, 0 failed");
    System.out.println("conformance: " + documents + " documents of 5 generated fleets pass validate-k8s (base seed " + base + ")");
  }

  static String run(Path validator, Path target) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(validator.toString(), target.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("validate-k8s finished").isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }
}

package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approved output of {@code lattice graph examples/shop} in both formats ({@code
 * snapshots/shop.graph.approved.mmd}, {@code .dot}); the README's Mermaid block is the first one. When
 * Graphviz is installed, its {@code dot} must also lay the DOT output out without a complaint.
 */
class GraphSnapshotTest {
  private static final Path ROOT = ProjectPaths.root();
  private static final String SHOP = ROOT.resolve("examples/shop").toString();

  @Test
  void mermaidOfTheShop() {
    CliTest.Run r = CliTest.run("graph", SHOP);
    assertThat(r.code()).as(r.err()).isZero();
    Approvals.verify(r.out(), options(".mmd"));
  }

  @Test
  void dotOfTheShop() {
    CliTest.Run r = CliTest.run("graph", "--format", "dot", SHOP);
    assertThat(r.code()).as(r.err()).isZero();
    Approvals.verify(r.out(), options(".dot"));
  }

  @Test
  void theReadmeShowsTheShopsGraphAsTheCommandPrintsIt() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertThat(readme).contains("```mermaid\n" + CliTest.run("graph", SHOP).out() + "```");
  }

  @Test
  void graphvizLaysOutTheDotOutput(@TempDir Path dir) throws Exception {
    Path dot = java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .map(p -> Path.of(p, "dot")).filter(Files::isExecutable).findFirst().orElse(null);
    Assumptions.assumeTrue(dot != null, "skipped: Graphviz `dot` is not on PATH");
    for (String input : new String[] {SHOP, ROOT.resolve("examples/homelab").toString(), ROOT.resolve("examples/payments").toString()}) {
      Path file = dir.resolve(Path.of(input).getFileName() + ".dot");
      Files.writeString(file, CliTest.run("graph", "--format", "dot", input).out());
      Process p = new ProcessBuilder(dot.toString(), "-Tsvg", "-o", dir.resolve("out.svg").toString(), file.toString())
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("dot finished").isTrue();
      assertThat(p.exitValue()).as(input + ": " + output).isZero();
      assertThat(output).as(input + ": dot printed warnings").isEmpty();
      assertThat(Files.readString(dir.resolve("out.svg"))).contains("<svg").contains("</svg>");
    }
  }

  private static Options options(String extension) {
    return new Options(new QuietReporter()).forFile().withNamer(new SnapshotNamer(ROOT.resolve("snapshots"), "shop.graph"))
        .forFile().withExtension(extension);
  }
}

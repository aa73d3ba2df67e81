package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's GitOps walkthrough works as printed: every command of its first {@code sh} block is
 * run in order ({@code ../fleet} mapped to a temporary folder) and exits 0, and the outputs the
 * README quotes are what the commands print.
 */
class ReadmeWalkthroughTest {
  private static final String HEADING = "## A GitOps repository, by command";

  @Test
  void everyStepWorksAsPrinted(@TempDir Path dir) throws Exception {
    Path root = ProjectPaths.root();
    String readme = Files.readString(root.resolve("README.md"));
    assertThat(readme).contains(HEADING);
    String section = readme.substring(readme.indexOf(HEADING));
    section = section.substring(0, section.indexOf("\n## ", HEADING.length()));
    String block = section.substring(section.indexOf("```sh\n") + 6);
    block = block.substring(0, block.indexOf("```"));
    Path fleet = dir.resolve("fleet");
    List<String> steps = block.lines().map(l -> l.replaceAll("\\s+#.*$", "").strip()).filter(l -> !l.isEmpty()).toList();
    assertThat(steps.get(0)).isEqualTo("cp -r examples/gitops ../fleet");
    RepoFixture.copy(root.resolve("examples/gitops"), fleet);
    String tree = null;
    String validated = null;
    int commands = 0;
    for (String step : steps.subList(1, steps.size())) {
      assertThat(step).startsWith("./lattice ");
      List<String> args = new ArrayList<>();
      for (String a : step.substring("./lattice ".length()).split("\\s+")) {
        args.add(a.equals("../fleet") ? fleet.toString() : a.startsWith("examples/") ? root.resolve(a).toString() : a);
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = LatticeCommand.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
      assertThat(code).as(step + "\n" + out + err).isZero();
      if (step.startsWith("./lattice cluster tree")) {
        tree = out.toString();
      }
      if (step.startsWith("./lattice validate")) {
        validated = out.toString().strip();
      }
      commands++;
    }
    assertThat(section).as("the README quotes cluster tree").contains("```\n" + tree + "```");
    assertThat(section).as("the README quotes validate").contains("`" + validated + "`");
    assertThat(fleet.resolve("children/backend/flux.yaml")).content().contains("suspend: true");
    assertThat(fleet.resolve("children/edge/placements/web.yaml")).content().contains("LATTICE_REPLICAS: \"4\"", "LOG_LEVEL: info");
    System.out.println("README walkthrough: " + commands + " commands ran as printed");
  }
}

package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.cli.gitops.Change;
import dev.lattice.cli.gitops.RepoTree;
import dev.lattice.cli.gitops.RepoValidator;
import dev.lattice.cli.gitops.TreeWriter;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.model.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16, item 5: a GitOps command killed after any one of its file operations leaves a
 * repository that {@code validate} accepts (warnings about what is not listed yet are allowed).
 * Each command of a scenario runs for real; its changes are then replayed in memory in
 * {@link TreeWriter#order}, and the repository is validated after every prefix of them.
 */
class CrashAtEveryPointTest {
  private static final RepoValidator VALIDATOR = new RepoValidator(LatticeCompiler.builder().build());

  @Test
  void everyPrefixOfEveryCommandsChangesValidates(@TempDir Path dir) throws IOException {
    RepoFixture r = new RepoFixture(dir);
    List<String[]> scenario = List.of(
        new String[] {"cluster", "add", r.input("region.yaml", GitopsClusters.cluster("region", true, "1.32.4", 1)), "--parent", "mgmt"},
        new String[] {"cluster", "add", r.input("site.yaml", GitopsClusters.cluster("site", false, "1.32.4", 2)), "--parent", "region"},
        new String[] {"service", "register", "api", "--git-url", "ssh://git@github.com/example/api", "--git-path", "./k8s"},
        new String[] {"service", "register", "web", "--git-url", "https://github.com/example/web"},
        new String[] {"placement", "create", "web", "--cluster", "site"},
        new String[] {"placement", "create", "api", "--cluster", "mgmt", "--replicas", "1"},
        new String[] {"cluster", "scale", "site", "--workers", "3", "--pool", "default"},
        new String[] {"placement", "delete", "api", "--cluster", "mgmt"},
        new String[] {"cluster", "delete", "region", "--yes", "--recursive"});
    int prefixes = 0;
    for (String[] command : scenario) {
      RepoTree before = RepoTree.read(r.repo);
      RepoFixture.Run run = r.lattice(command);
      assertThat(run.code()).as(String.join(" ", command) + "\n" + run.out() + run.err()).isZero();
      List<Change> ordered = TreeWriter.order(RepoTree.read(r.repo).changesFrom(before));
      assertThat(ordered).as(String.join(" ", command)).isNotEmpty();
      RepoTree state = before;
      for (int k = 0; k <= ordered.size(); k++) {
        List<Diagnostic> errors = VALIDATOR.validate(state).stream().filter(Diagnostic::isError).toList();
        String done = ordered.subList(0, k).stream().map(c -> c.verb() + " " + c.path()).collect(Collectors.joining(", "));
        assertThat(errors).as("killed during '" + String.join(" ", command) + "' after [" + done + "]: "
            + errors.stream().map(Diagnostic::render).collect(Collectors.joining("\n"))).isEmpty();
        prefixes++;
        if (k < ordered.size()) {
          Change c = ordered.get(k);
          state = c.after().isPresent() ? state.with(c.path(), c.after().get()) : state.without(c.path());
        }
      }
    }
    System.out.println("crash-at-every-point: " + scenario.size() + " commands, " + prefixes + " states validated");
  }

  @Test
  void deletingAClusterKeepsFilesThatAreNotPartOfTheLayout(@TempDir Path dir) throws IOException {
    RepoFixture r = new RepoFixture(dir);
    RepoFixture.Run add = r.lattice("cluster", "add", r.input("edge.yaml", GitopsClusters.cluster("edge", false, "1.32.4", 1)),
        "--parent", "mgmt");
    assertThat(add.code()).as(add.err()).isZero();
    Path notes = r.repo.resolve("children/edge/NOTES.md");
    Files.writeString(notes, "who owns this cluster\n");
    RepoFixture.Run delete = r.lattice("cluster", "delete", "edge", "--yes");
    assertThat(delete.code()).as(delete.out() + delete.err()).isZero();
    assertThat(notes).hasContent("who owns this cluster");
    assertThat(r.repo.resolve("children/edge/cluster.yaml")).doesNotExist();
    assertThat(r.lattice("validate").code()).isZero();
  }
}

package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository commands on a copy of {@code examples/gitops}: golden trees (approved under
 * {@code snapshots/gitops/}) after command sequences, with the commands and what they printed.
 * To approve a change, read {@code snapshots/gitops/*.received.txt} and rename it to
 * {@code .approved.txt}.
 */
class GitopsCommandsTest {

  @Test
  void walkthrough(@TempDir Path dir) {
    RepoFixture r = new RepoFixture(dir);
    ok(r, "cluster", "add", RepoFixture.example("examples/gitops-clusters/edge.yaml"), "--parent", "mgmt");
    ok(r, "cluster", "add", RepoFixture.example("examples/gitops-clusters/backend.yaml"), "--parent", "mgmt");
    ok(r, "service", "register", "web", "--git-url", "https://github.com/example/web", "--git-path", "deploy",
        "--branch", "main", "--default-replicas", "2");
    ok(r, "placement", "create", "web", "--cluster", "edge", "--replicas", "2", "--env", "LOG_LEVEL=info", "--env", "REGION=eu-west");
    ok(r, "placement", "scale", "web", "--cluster", "edge", "--replicas", "4");
    ok(r, "cluster", "scale", "edge", "--workers", "3");
    ok(r, "cluster", "upgrade", "edge", "--k8s-version", "1.33.1");
    ok(r, "flux", "suspend", "backend");
    ok(r, "flux", "set-version", "v2.5.1");
    ok(r, "cluster", "list");
    ok(r, "cluster", "tree");
    ok(r, "service", "list");
    ok(r, "placement", "list");
    ok(r, "validate");
    approve("walkthrough", r);
  }

  @Test
  void nestedCellsPlacementsAndRecursiveDelete(@TempDir Path dir) throws IOException {
    RepoFixture r = new RepoFixture(dir);
    ok(r, "cluster", "add", r.input("region.yaml", GitopsClusters.cluster("region", true, "1.32.4", 1)), "--parent", "mgmt");
    ok(r, "cluster", "add", r.input("site.yaml", GitopsClusters.cluster("site", false, "1.32.4", 2)), "--parent", "region");
    ok(r, "service", "register", "api", "--git-url", "ssh://git@github.com/example/api", "--git-path", "./k8s");
    ok(r, "service", "register", "web", "--git-url", "https://github.com/example/web", "--default-replicas", "2");
    ok(r, "placement", "create", "web", "--cluster", "site");
    ok(r, "placement", "create", "api", "--cluster", "site", "--replicas", "1");
    ok(r, "placement", "create", "api", "--cluster", "mgmt", "--replicas", "1");
    ok(r, "cluster", "scale", "site", "--workers", "0", "--pool", "gpu");
    ok(r, "cluster", "tree");
    approve("nested", r);
    ok(r, "placement", "delete", "api", "--cluster", "mgmt");
    ok(r, "cluster", "delete", "region", "--yes", "--recursive");
    ok(r, "validate");
    approve("nested-deleted", r);
    assertThat(r.repo.resolve("children")).doesNotExist();
  }

  @Test
  void aServiceCannotBePlacedOnAClusterWithoutTheServiceAddOns(@TempDir Path dir) throws IOException {
    RepoFixture r = new RepoFixture(dir);
    String bare = GitopsClusters.cluster("bare", false, "1.32.4", 1).replace("spec:\n", "spec:\n  services: false\n");
    ok(r, "cluster", "add", r.input("bare.yaml", bare), "--parent", "mgmt");
    ok(r, "service", "register", "web", "--git-url", "https://github.com/example/web");
    SortedMap<String, String> before = r.hashes();
    RepoFixture.Run place = r.lattice("placement", "create", "web", "--cluster", "bare");
    assertThat(place.code()).as(place.out() + place.err()).isEqualTo(1);
    assertThat(place.err()).contains("LAT5005", "services: false", "only HBONE");
    assertThat(r.hashes()).as("refused edits write nothing").isEqualTo(before);
    // written by hand, the placement is an error of the repository
    Files.createDirectories(r.repo.resolve("children/bare/placements"));
    Files.writeString(r.repo.resolve("children/bare/placements/web.yaml"), Files.readString(r.repo.resolve("registrations/web.yaml")));
    RepoFixture.Run validate = r.lattice("validate");
    assertThat(validate.code()).isEqualTo(1);
    assertThat(validate.err()).contains("children/bare/placements/web.yaml", "LAT5005");
  }

  @Test
  void dryRunPrintsTheDiffAndWritesNothing(@TempDir Path dir) {
    RepoFixture r = new RepoFixture(dir);
    ok(r, "cluster", "add", RepoFixture.example("examples/gitops-clusters/edge.yaml"), "--parent", "mgmt");
    SortedMap<String, String> before = r.hashes();
    RepoFixture.Run run = r.lattice("cluster", "upgrade", "edge", "--k8s-version", "1.33.0", "--dry-run");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("--- a/children/edge/cluster.yaml", "+++ b/children/edge/cluster.yaml",
        "-      version: \"1.32.0\"", "+      version: \"1.33.0\"", "nothing written");
    RepoFixture.Run add = r.lattice("cluster", "add", RepoFixture.example("examples/gitops-clusters/backend.yaml"), "--parent", "mgmt", "--dry-run");
    assertThat(add.out()).contains("--- /dev/null", "+++ b/children/backend/flux.yaml", "+  - children/backend/cluster.yaml");
    assertThat(r.hashes()).isEqualTo(before);
  }

  @Test
  void editsKeepCommentsAndKeyOrder(@TempDir Path dir) throws IOException {
    RepoFixture r = new RepoFixture(dir);
    ok(r, "cluster", "add", RepoFixture.example("examples/gitops-clusters/edge.yaml"), "--parent", "mgmt");
    Path cluster = r.repo.resolve("children/edge/cluster.yaml");
    String before = Files.readString(cluster);
    ok(r, "cluster", "scale", "edge", "--workers", "4");
    ok(r, "cluster", "upgrade", "edge", "--k8s-version", "1.33.0");
    String after = Files.readString(cluster);
    assertThat(after).isEqualTo(before.replace("      default:\n        replicas: 1\n", "      default:\n        replicas: 4\n").replace("\"1.32.0\"", "\"1.33.0\""));
    Path config = r.repo.resolve(".lattice/config.yaml");
    String settings = Files.readString(config);
    ok(r, "flux", "set-version", "2.5.0");
    assertThat(Files.readString(config)).isEqualTo(settings.replace("v2.4.0", "v2.5.0"));
    // a structural edit (a key that was not there) re-serializes the file: comments and order stay
    Files.writeString(cluster, after.replace("        replicas: 4\n", "        # fixed size\n        instanceType: small\n"));
    ok(r, "cluster", "scale", "edge", "--workers", "2");
    String structural = Files.readString(cluster);
    assertThat(structural).contains("# scale it with: ./lattice cluster scale edge", "        # fixed size\n        instanceType: small\n        replicas: 2\n",
        "# Its providerRef names the CloudProvider");
    assertThat(structural.indexOf("providerRef")).isLessThan(structural.indexOf("provider:")).isLessThan(structural.indexOf("nodes:"));
  }

  private static void ok(RepoFixture r, String... args) {
    RepoFixture.Run run = r.lattice(args);
    assertThat(run.code()).as(String.join(" ", args) + "\n" + run.out() + run.err()).isZero();
  }

  static void approve(String name, RepoFixture r) {
    Path dir = ProjectPaths.root().resolve("snapshots/gitops");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Approvals.verify("# commands\n" + r.log + "\n# tree\n" + r.render(),
        new Options(new QuietReporter()).forFile().withNamer(new SnapshotNamer(dir, name)).forFile().withExtension(".txt"));
  }
}

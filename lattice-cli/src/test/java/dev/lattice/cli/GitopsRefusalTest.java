package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal leaves the repository byte-identical (every file hashed before and after), exits
 * 1 (2 for usage errors), and says why.
 */
class GitopsRefusalTest {

  /** A repository with a cell (mgmt), two children (edge; region, a cell, with site below), a service placed on edge. */
  static RepoFixture populated(Path dir) throws IOException {
    RepoFixture r = new RepoFixture(dir);
    Path in = r.inputs;
    Files.writeString(in.resolve("region.yaml"), GitopsClusters.cluster("region", true, "1.32.0", 1));
    Files.writeString(in.resolve("site.yaml"), GitopsClusters.cluster("site", false, "1.32.0", 2));
    Files.writeString(in.resolve("auto.yaml"), GitopsClusters.cluster("auto", false, "1.32.0", 1)
        .replace("        replicas: 1  # workers\n", "        min: 1\n        max: 3\n"));
    Files.writeString(in.resolve("even.yaml"), GitopsClusters.cluster("even", false, "1.32.0", 1)
        .replace("    controlPlane:\n      replicas: 1", "    controlPlane:\n      replicas: 2"));
    Files.writeString(in.resolve("two.yaml"), GitopsClusters.cluster("two-a", false, "1.32.0", 1) + "---\n"
        + GitopsClusters.cluster("two-b", false, "1.32.0", 1));
    Files.writeString(in.resolve("leaf.yaml"), GitopsClusters.cluster("leaf", false, "1.32.0", 1));
    Files.writeString(in.resolve("edge-again.yaml"), GitopsClusters.cluster("edge", false, "1.32.0", 1));
    run(r, "cluster", "add", RepoFixture.example("examples/gitops-clusters/edge.yaml"), "--parent", "mgmt");
    run(r, "cluster", "add", in.resolve("region.yaml").toString(), "--parent", "mgmt");
    run(r, "cluster", "add", in.resolve("site.yaml").toString(), "--parent", "region");
    run(r, "cluster", "add", in.resolve("auto.yaml").toString(), "--parent", "mgmt");
    run(r, "service", "register", "web", "--git-url", "https://github.com/example/web");
    run(r, "placement", "create", "web", "--cluster", "edge", "--replicas", "2");
    return r;
  }

  private static void run(RepoFixture r, String... args) {
    assertThat(r.lattice(args).code()).as(String.join(" ", args)).isZero();
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        refused("child of a cluster that is not a cell", "not a cell", "cluster", "add", "IN/leaf.yaml", "--parent", "edge"),
        refused("unknown parent", "no cluster 'nowhere'", "cluster", "add", "IN/leaf.yaml", "--parent", "nowhere"),
        refused("a name that is taken", "exists already", "cluster", "add", "IN/edge-again.yaml", "--parent", "region"),
        refused("an invalid cluster", "LAT4001", "cluster", "add", "IN/even.yaml", "--parent", "mgmt"),
        refused("two clusters in one file", "exactly one LatticeCluster", "cluster", "add", "IN/two.yaml", "--parent", "mgmt"),
        refused("downgrade", "cannot downgrade", "cluster", "upgrade", "edge", "--k8s-version", "1.31.9"),
        refused("patch downgrade", "cannot downgrade", "cluster", "upgrade", "edge", "--k8s-version", "1.31.0"),
        refused("skip a minor version", "one minor version at a time", "cluster", "upgrade", "edge", "--k8s-version", "1.34.0"),
        refused("new major", "major version", "cluster", "upgrade", "edge", "--k8s-version", "2.0.0"),
        refused("not a version", "not a Kubernetes version", "cluster", "upgrade", "edge", "--k8s-version", "latest"),
        refused("unknown cluster", "no cluster 'ghost'", "cluster", "upgrade", "ghost", "--k8s-version", "1.33.0"),
        refused("pool needed", "name one with --pool", "cluster", "scale", "site", "--workers", "3"),
        refused("unknown pool", "no worker pool 'big'", "cluster", "scale", "edge", "--workers", "3", "--pool", "big"),
        refused("autoscaled pool", "autoscaled", "cluster", "scale", "auto", "--workers", "3"),
        refused("delete without --yes", "--yes", "cluster", "delete", "edge"),
        refused("delete with children", "has children (site)", "cluster", "delete", "region", "--yes"),
        refused("delete the root", "root", "cluster", "delete", "mgmt", "--yes", "--recursive"),
        refused("register twice", "registered already", "service", "register", "web", "--git-url", "https://github.com/example/web"),
        refused("scp-style url", "not an http://", "service", "register", "api", "--git-url", "git@github.com:example/api"),
        refused("bad service name", "not a DNS label", "service", "register", "Web_1", "--git-url", "https://github.com/example/web"),
        refused("path outside", "inside the service's repository", "service", "register", "api", "--git-url", "https://x.example/a", "--git-path", "../up"),
        refused("unregistered service", "no service 'api'", "placement", "create", "api", "--cluster", "edge"),
        refused("unknown cluster for a placement", "no cluster 'ghost'", "placement", "create", "web", "--cluster", "ghost"),
        refused("placed twice", "already", "placement", "create", "web", "--cluster", "edge"),
        refused("reserved variable", "LATTICE_ is reserved", "placement", "create", "web", "--cluster", "site", "--env", "LATTICE_REPLICAS=9"),
        refused("bad variable", "a variable is", "placement", "create", "web", "--cluster", "site", "--env", "1X=9"),
        refused("scale what is not placed", "not placed on site", "placement", "scale", "web", "--cluster", "site", "--replicas", "2"),
        refused("delete what is not placed", "not placed on region", "placement", "delete", "web", "--cluster", "region"),
        refused("suspend the root", "flux bootstrap", "flux", "suspend", "mgmt"),
        refused("suspend an unknown cluster", "no cluster", "flux", "resume", "ghost"),
        refused("not a Flux 2 version", "not a Flux 2 version", "flux", "set-version", "v1.9.0"),
        usage("negative workers", "cluster", "scale", "edge", "--workers", "-1"),
        usage("missing option", "cluster", "upgrade", "edge"),
        usage("missing file", "cluster", "add", "IN/none.yaml", "--parent", "mgmt"),
        usage("negative replicas", "placement", "scale", "web", "--cluster", "edge", "--replicas", "-2"),
        usage("missing subcommand", "cluster"));
  }

  private static Arguments refused(String name, String message, String... args) {
    return Arguments.of(name, 1, message, args);
  }

  private static Arguments usage(String name, String... args) {
    return Arguments.of(name, 2, "", args);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusalLeavesTheTreeByteIdentical(String name, int code, String message, String[] args, @TempDir Path dir) throws IOException {
    RepoFixture r = populated(dir);
    SortedMap<String, String> before = r.hashes();
    String[] resolved = Stream.of(args).map(a -> a.startsWith("IN/") ? dir.resolve("in").resolve(a.substring(3)).toString() : a)
        .toArray(String[]::new);
    RepoFixture.Run run = r.lattice(resolved);
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(code);
    assertThat(run.err()).contains(message);
    if (code == 1) {
      assertThat(run.err()).contains("nothing changed");
    }
    assertThat(r.hashes()).as("files after a refused command").isEqualTo(before);
  }

  @Test
  void aCommandOnABrokenRepositoryIsRefusedAndChangesNothing(@TempDir Path dir) throws IOException {
    RepoFixture r = populated(dir);
    Path k = r.repo.resolve("children/edge/kustomization.yaml");
    Files.writeString(k, Files.readString(k).replace("  - ../../registrations/web.yaml\n", "  - ../../registrations/web.yaml\n  - missing.yaml\n"));
    SortedMap<String, String> before = r.hashes();
    RepoFixture.Run validate = r.lattice("validate");
    assertThat(validate.code()).isEqualTo(1);
    assertThat(validate.err()).contains("children/edge/kustomization.yaml:1:1: error LAT5002: resources names missing.yaml, which does not exist");
    RepoFixture.Run scale = r.lattice("cluster", "scale", "site", "--workers", "2", "--pool", "gpu");
    assertThat(scale.code()).isEqualTo(1);
    assertThat(scale.err()).contains("LAT5002", "nothing changed");
    assertThat(r.hashes()).isEqualTo(before);
  }

  @Test
  void validateWithoutPathNeedsARepository(@TempDir Path dir) throws IOException {
    RepoFixture.Run run = new RepoFixture(dir).lattice("validate");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("ok: repository valid");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    java.io.StringWriter err = new java.io.StringWriter();
    int code = LatticeCommand.execute(new String[] {"validate", "--repo", empty.toString()}, new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("is not a Lattice repository");
  }
}

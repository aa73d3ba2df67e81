package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code lattice install --config} against recorded fakes of kind, clusterctl and kubectl on PATH (a
 * temporary directory; {@code fake-tools/fake} keeps their state beside them): every step in order, a
 * failure at every step and a re-run that continues from it, a missing tool, and {@code --dry-run}.
 */
class ManagementInstallCommandTest {
  @TempDir
  Path tmp;
  Path bin;
  Path state;
  Path config;

  /** The commands that change something, in order, and the step each belongs to (1-based). */
  private static final List<String> MUTATIONS = List.of(
      "1 kind create cluster --name lattice-bootstrap",
      "2 kind get kubeconfig --name lattice-bootstrap",
      "3 clusterctl init --kubeconfig BOOT --infrastructure docker --wait-providers",
      "4 kubectl --kubeconfig BOOT apply --server-side -f -",
      "4 kubectl --kubeconfig BOOT rollout status deployment/lattice-controller",
      "5 kubectl --kubeconfig BOOT apply -f CONFIG",
      "6 kubectl --kubeconfig BOOT wait --for=condition=ControlPlaneInitialized clusters.cluster.x-k8s.io/local-cell",
      "6 clusterctl get kubeconfig local-cell -n capi-local-cell --kubeconfig BOOT",
      "7 clusterctl init --kubeconfig MGMT --infrastructure docker --wait-providers",
      "8 kubectl --kubeconfig MGMT apply --server-side -f -",
      "9 kubectl --kubeconfig BOOT scale deployment/lattice-controller",
      "9 clusterctl move -n capi-local-cell --to-kubeconfig MGMT --kubeconfig BOOT",
      "10 kubectl --kubeconfig MGMT apply -f CONFIG",
      "11 kind delete cluster --name lattice-bootstrap");
  /** Steps without a probe: they run again on every run before the pivot. */
  private static final List<Integer> UNPROBED = List.of(2, 6);

  @BeforeEach
  void fakes() throws IOException {
    bin = Files.createDirectories(tmp.resolve("bin"));
    state = bin.resolve("state");
    try (var in = getClass().getResourceAsStream("/fake-tools/fake")) {
      Files.copy(in, bin.resolve("fake"));
    }
    for (String tool : List.of("fake", "kind", "clusterctl", "kubectl")) {
      if (!tool.equals("fake")) {
        Files.copy(bin.resolve("fake"), bin.resolve(tool));
      }
      Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    config = tmp.resolve("management.yaml");
    Files.copy(Path.of(System.getProperty("lattice.root", "..")).resolve("examples/clusters/docker-cell.yaml"), config);
  }

  private record Run(int exit, String out, String err) {}

  private Run install(String path, String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new java.util.ArrayList<>(List.of("--config", config.toString(), "--work-dir", tmp.resolve("work").toString()));
    args.addAll(List.of(extra));
    int exit = new CommandLine(new ManagementInstallCommand(path)).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private String path() {
    return bin + ":/usr/bin:/bin";
  }

  private List<String> calls() throws IOException {
    String boot = tmp.resolve("work/bootstrap.kubeconfig").toString();
    String mgmt = tmp.resolve("work/local-cell.kubeconfig").toString();
    return Files.readAllLines(state.resolve("calls.log")).stream()
        .map(l -> l.replace(boot, "BOOT").replace(mgmt, "MGMT").replace(config.toString(), "CONFIG")).toList();
  }

  private static long count(List<String> calls, String mutation) {
    String prefix = mutation.substring(mutation.indexOf(' ') + 1);
    return calls.stream().filter(c -> c.startsWith(prefix)).count();
  }

  @Test
  void everyStepRunsOnceInOrderAndTheCellHostsItself() throws IOException {
    Run run = install(path());
    assertThat(run.exit()).as(run.err()).isZero();
    List<String> calls = calls();
    int at = -1;
    for (String m : MUTATIONS) {
      int i = -1;
      for (int j = at + 1; j < calls.size(); j++) {
        if (calls.get(j).startsWith(m.substring(m.indexOf(' ') + 1))) {
          i = j;
          break;
        }
      }
      assertThat(i).as(m + " after " + (at < 0 ? "the start" : calls.get(at)) + " in\n" + String.join("\n", calls)).isGreaterThan(at);
      at = i;
      assertThat(count(calls, m)).as(m).isEqualTo(1);
    }
    assertThat(Files.readString(state.resolve("local-cell.manifests"))).contains("--cell-cluster", "lattice-controller-cell-data");
    assertThat(Files.readString(state.resolve("bootstrap.manifests"))).doesNotContain("--cell-cluster");
    assertThat(run.out()).contains("step 11/11: delete the bootstrap cluster", "done: local-cell manages itself");

    Run again = install(path());
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("step 1/11: bootstrap cluster: done already", "step 11/11: delete the bootstrap cluster: done already");
    List<String> after = calls();
    for (String m : MUTATIONS) {
      assertThat(count(after, m)).as("nothing re-run after the pivot: " + m).isEqualTo(1);
    }
  }

  @Test
  void aFailureAtEveryStepStopsThereAndARerunContinuesFromIt() throws IOException {
    for (String failing : MUTATIONS) {
      deleteState();
      int step = Integer.parseInt(failing.substring(0, failing.indexOf(' ')));
      Files.writeString(state.resolve("fail"), failing.substring(failing.indexOf(' ') + 1)
          .replace("BOOT", tmp.resolve("work/bootstrap.kubeconfig").toString())
          .replace("MGMT", tmp.resolve("work/local-cell.kubeconfig").toString()).replace("CONFIG", config.toString()));
      Run failed = install(path());
      assertThat(failed.exit()).as(failing + "\n" + failed.out()).isEqualTo(1);
      assertThat(failed.err()).as(failing).containsPattern("step " + step + "/11: .* failed: ").contains("injected failure", "re-run lattice install");
      Files.delete(state.resolve("fail"));
      Run resumed = install(path());
      assertThat(resumed.exit()).as(failing + "\n" + resumed.err()).isZero();
      List<String> calls = calls();
      for (String m : MUTATIONS) {
        int s = Integer.parseInt(m.substring(0, m.indexOf(' ')));
        if (m.equals(failing)) {
          assertThat(count(calls, m)).as(failing + ": the failed command, then again").isEqualTo(2);
        } else if (s < step && !UNPROBED.contains(s)) {
          assertThat(count(calls, m)).as(failing + ": done before the failure, not repeated: " + m).isEqualTo(1);
        } else if (s > step) {
          assertThat(count(calls, m)).as(failing + ": after the failure, once: " + m).isEqualTo(1);
        }
      }
    }
  }

  private void deleteState() throws IOException {
    if (Files.exists(state)) {
      try (var files = Files.list(state)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
    }
    Path work = tmp.resolve("work");
    if (Files.exists(work)) {
      try (var files = Files.list(work)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(state);
  }

  @Test
  void aMissingToolIsNamedAndNothingRuns() throws IOException {
    Files.delete(bin.resolve("kind"));
    Run run = install(path());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("kind not found on PATH", "https://kind.sigs.k8s.io/");
    assertThat(state.resolve("calls.log")).doesNotExist();
  }

  @Test
  void theExistingBootstrapUsesTheCurrentKubeconfigAndCreatesNoKindCluster() throws IOException {
    Files.delete(bin.resolve("kind"));
    Run run = install(path(), "--bootstrap", "existing");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(calls()).noneMatch(c -> c.startsWith("kind")).contains("clusterctl init --infrastructure docker --wait-providers");
  }

  @Test
  void dryRunPrintsTheStepsAndTheDocumentsAndRunsNothing() {
    Run run = install("", "--dry-run");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("step 1/11: bootstrap cluster", "  kind create cluster --name lattice-bootstrap --wait 5m",
        "step 9/11: pivot", "clusterctl move -n capi-local-cell", "kind: CustomResourceDefinition", "--cell-cluster");
    assertThat(Pattern.compile("^step ", Pattern.MULTILINE).matcher(run.out()).results().count()).isEqualTo(11);
  }

  @Test
  void aConfigWithoutACluster() throws IOException {
    Files.writeString(config, "apiVersion: lattice.dev/v1alpha1\nkind: CloudProvider\nmetadata: {name: docker}\nspec: {type: docker}\n");
    Run run = install(path());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("needs exactly one LatticeCluster");
  }
}

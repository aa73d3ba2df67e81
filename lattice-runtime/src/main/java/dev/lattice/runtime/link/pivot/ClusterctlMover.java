package dev.lattice.runtime.link.pivot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The real move: {@code clusterctl move --namespace <ns> --to-kubeconfig <file>}, where the
 * kubeconfig's server is the cell's local proxy that tunnels through the agent's stream. Needs
 * {@code clusterctl} on the PATH and a management cluster; not run in this project's tests
 * (docs/LINK.md).
 */
public final class ClusterctlMover implements ClusterMover {
  private final Optional<Function<String, Path>> fromKubeconfigOf;
  private final Function<String, Path> kubeconfigOf;
  private final long timeoutMinutes;

  /** The pivot: from the cell's own cluster (clusterctl's default kubeconfig) to the child's. */
  public ClusterctlMover(Function<String, Path> kubeconfigOf, long timeoutMinutes) {
    this(Optional.empty(), kubeconfigOf, timeoutMinutes);
  }

  private ClusterctlMover(Optional<Function<String, Path>> from, Function<String, Path> to, long timeoutMinutes) {
    this.fromKubeconfigOf = from;
    this.kubeconfigOf = to;
    this.timeoutMinutes = timeoutMinutes;
  }

  /** The unpivot's import: from the child (its tunnelled kubeconfig) back into the parent's {@code parentKubeconfig}. */
  public static ClusterctlMover unpivot(Function<String, Path> childKubeconfigOf, Path parentKubeconfig,
      long timeoutMinutes) {
    return new ClusterctlMover(Optional.of(childKubeconfigOf), c -> parentKubeconfig, timeoutMinutes);
  }

  /** The command line, for logs and tests. */
  public List<String> command(String cluster, String capiNamespace) {
    List<String> cmd = new ArrayList<>(List.of("clusterctl", "move"));
    fromKubeconfigOf.ifPresent(f -> cmd.addAll(List.of("--kubeconfig", f.apply(cluster).toString())));
    cmd.addAll(List.of("--namespace", capiNamespace, "--to-kubeconfig", kubeconfigOf.apply(cluster).toString()));
    return cmd;
  }

  @Override
  public void move(String cluster, String capiNamespace) throws Exception {
    Process p = new ProcessBuilder(command(cluster, capiNamespace)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("clusterctl move timed out after " + timeoutMinutes + " min");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("clusterctl move failed (" + p.exitValue() + "): " + out.strip());
    }
  }
}

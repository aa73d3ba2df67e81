package dev.lattice.runtime.link.pivot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The real move: {@code clusterctl move --namespace <ns> --to-kubeconfig <file>}, where the
 * kubeconfig's server is the cell's local proxy that tunnels through the agent's stream. Needs
 * {@code clusterctl} on the PATH and a management cluster; not run in this project's tests
 * (docs/LINK.md).
 */
public final class ClusterctlMover implements ClusterMover {
  private final Function<String, Path> kubeconfigOf;
  private final long timeoutMinutes;

  public ClusterctlMover(Function<String, Path> kubeconfigOf, long timeoutMinutes) {
    this.kubeconfigOf = kubeconfigOf;
    this.timeoutMinutes = timeoutMinutes;
  }

  /** The command line, for logs and tests. */
  public List<String> command(String cluster, String capiNamespace) {
    return List.of("clusterctl", "move", "--namespace", capiNamespace, "--to-kubeconfig",
        kubeconfigOf.apply(cluster).toString());
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

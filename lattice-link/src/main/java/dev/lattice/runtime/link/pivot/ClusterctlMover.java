package dev.lattice.runtime.link.pivot;

import dev.lattice.runtime.link.proxy.ChildApiProxies;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The real move: {@code clusterctl move --namespace <ns> --to-kubeconfig <file>}. Built
 * {@link #pivot(ChildApiProxies, long) through the link}, the child's kubeconfig is the one of the
 * cell's local API proxy that tunnels through the agent's stream ({@link ChildApiProxies}); the
 * unpivot reads from that kubeconfig and writes into the parent's. Needs {@code clusterctl} on the
 * PATH (or the executable given) and a management cluster; the tests run a fake executable
 * (docs/LINK.md).
 */
public final class ClusterctlMover implements ClusterMover {
  private final String executable;
  private final Optional<Function<String, Path>> fromKubeconfigOf;
  private final Function<String, Path> kubeconfigOf;
  private final long timeoutMinutes;

  /** The pivot: from the cell's own cluster (clusterctl's default kubeconfig) to the child's. */
  ClusterctlMover(Function<String, Path> kubeconfigOf, long timeoutMinutes) {
    this("clusterctl", Optional.empty(), kubeconfigOf, timeoutMinutes);
  }

  private ClusterctlMover(String executable, Optional<Function<String, Path>> from, Function<String, Path> to,
      long timeoutMinutes) {
    this.executable = executable;
    this.fromKubeconfigOf = from;
    this.kubeconfigOf = to;
    this.timeoutMinutes = timeoutMinutes;
  }

  /** The pivot through the link: {@code --to-kubeconfig} is the child's proxy kubeconfig. */
  public static ClusterctlMover pivot(ChildApiProxies proxies, long timeoutMinutes) {
    return new ClusterctlMover(proxies::kubeconfig, timeoutMinutes);
  }

  /** The unpivot's import: from the child (its tunnelled kubeconfig) back into the parent's {@code parentKubeconfig}. */
  public static ClusterctlMover unpivot(Function<String, Path> childKubeconfigOf, Path parentKubeconfig,
      long timeoutMinutes) {
    return new ClusterctlMover("clusterctl", Optional.of(childKubeconfigOf), c -> parentKubeconfig, timeoutMinutes);
  }

  /** The unpivot through the link: {@code --kubeconfig} is the child's proxy kubeconfig. */
  public static ClusterctlMover unpivot(ChildApiProxies proxies, Path parentKubeconfig, long timeoutMinutes) {
    return unpivot(proxies::kubeconfig, parentKubeconfig, timeoutMinutes);
  }

  /** The same mover running {@code executable} instead of {@code clusterctl} from the PATH. */
  public ClusterctlMover withExecutable(String executable) {
    return new ClusterctlMover(executable, fromKubeconfigOf, kubeconfigOf, timeoutMinutes);
  }

  /** The command line, for logs and tests. */
  List<String> command(String cluster, String capiNamespace) {
    List<String> cmd = new ArrayList<>(List.of(executable, "move"));
    fromKubeconfigOf.ifPresent(f -> cmd.addAll(List.of("--kubeconfig", f.apply(cluster).toString())));
    cmd.addAll(List.of("--namespace", capiNamespace, "--to-kubeconfig", kubeconfigOf.apply(cluster).toString()));
    return cmd;
  }

  @Override
  public void move(String cluster, String capiNamespace) throws Exception {
    File log = File.createTempFile("clusterctl-move-", ".log");
    try {
      Process p = new ProcessBuilder(command(cluster, capiNamespace)).redirectErrorStream(true).redirectOutput(log).start();
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("clusterctl move timed out after " + timeoutMinutes + " min");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("clusterctl move failed (" + p.exitValue() + "): "
            + Files.readString(log.toPath(), StandardCharsets.UTF_8).strip());
      }
    } finally {
      Files.deleteIfExists(log.toPath());
    }
  }
}

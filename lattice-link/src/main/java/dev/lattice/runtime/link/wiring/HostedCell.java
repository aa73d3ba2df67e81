package dev.lattice.runtime.link.wiring;

import dev.lattice.runtime.controller.ClusterHook;
import dev.lattice.runtime.link.cli.CellProcess;
import dev.lattice.runtime.link.pivot.ClusterMover;
import dev.lattice.runtime.link.pivot.ClusterctlMover;
import dev.lattice.runtime.link.proxy.ChildApiProxies;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A cell hosted by the controller process ({@code lattice controller --cell-grpc …}): the cell's
 * servers ({@link CellProcess}), one API proxy per child ({@link ChildApiProxies}, kubeconfigs in
 * {@code <data>/proxies}) and the {@link ChildClusterWiring} whose {@link #hook} the controller runs;
 * the bootstrap webhook's callbacks set {@code bootstrapComplete}. {@link #close} stops the proxies,
 * then the cell.
 */
final class HostedCell implements AutoCloseable {
  /** The pivot's mover (cell → child) and the unpivot's importer (child → cell). */
  public record Movers(ClusterMover pivot, ClusterMover unpivot) {}

  /** The cell's own LatticeCluster, the hook's two intervals and the bootstrap tokens' lifetime. */
  public record Options(String cellCluster, Duration soon, Duration later, Duration tokenTtl) {}

  private final CellProcess cell;
  private final ChildApiProxies proxies;
  private final ChildClusterWiring wiring;
  private final Options options;

  private HostedCell(CellProcess cell, ChildApiProxies proxies, ChildClusterWiring wiring, Options options) {
    this.cell = cell;
    this.proxies = proxies;
    this.wiring = wiring;
    this.options = options;
  }

  /**
   * The movers of a real cell: {@code executable move} ({@code clusterctl}) through the child's proxy,
   * both ways; the unpivot writes into {@code parentKubeconfig}.
   */
  public static Function<ChildApiProxies, Movers> clusterctl(String executable, Path parentKubeconfig, long timeoutMinutes) {
    return p -> new Movers(ClusterctlMover.pivot(p, timeoutMinutes).withExecutable(executable),
        ClusterctlMover.unpivot(p, parentKubeconfig, timeoutMinutes).withExecutable(executable));
  }

  /** Starts the cell of {@code cell} in this process; the wiring works through {@code client}. */
  public static HostedCell start(KubernetesClient client, CellProcess.Options cell, Options options,
      Function<ChildApiProxies, Movers> movers, PrintWriter out) throws IOException {
    java.util.concurrent.atomic.AtomicReference<ChildClusterWiring> wired = new java.util.concurrent.atomic.AtomicReference<>();
    CellProcess process = CellProcess.start(cell, c -> {
      out.println("cell: bootstrap callback from " + c);
      out.flush();
      ChildClusterWiring w = wired.get();
      if (w != null) {
        w.bootstrapped(c);
      }
    }, out);
    ChildApiProxies proxies = new ChildApiProxies(process.registry(), cell.data().resolve("proxies"), Duration.ofSeconds(30));
    try {
      Movers m = Objects.requireNonNull(movers.apply(proxies));
      ChildClusterWiring wiring = new ChildClusterWiring(client, new ChildClusterWiring.Settings(options.cellCluster(),
          process.bootstrapUrl(), options.tokenTtl()), process.authority(), process.tokens(), process.registry(), m.pivot(),
          m.unpivot());
      wired.set(wiring);
      return new HostedCell(process, proxies, wiring, options);
    } catch (RuntimeException e) {
      proxies.close();
      process.close();
      throw e;
    }
  }

  /** The controller's {@link ClusterHook}: the wiring, with this cell's intervals. */
  public ClusterHook hook() {
    return wiring.clusterHook(options.soon(), options.later());
  }

  public CellProcess cell() {
    return cell;
  }

  public ChildClusterWiring wiring() {
    return wiring;
  }

  @Override
  public void close() {
    try {
      proxies.close();
    } finally {
      cell.close();
    }
  }
}

package dev.lattice.runtime.link.wiring;

import dev.lattice.runtime.controller.HostedHook;
import dev.lattice.runtime.link.cli.CellData;
import dev.lattice.runtime.link.cli.CellProcess;
import dev.lattice.runtime.server.ControllerCommand;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code controller} with the {@code --cell-*} options: with {@code --cell-grpc} it hosts the cell
 * beside the controller ({@link HostedCell}: the AgentLink server, the bootstrap endpoint, the child
 * API proxies, and {@link ChildClusterWiring} as the cluster hook); with {@code --leader-election} the
 * cell runs only while this replica holds the Lease ({@link LeaderOnlyCell}). The controller sees the
 * cell only as the {@link HostedHook} this returns from {@link #hosting}.
 */
@Command(name = "controller", mixinStandardHelpOptions = true,
    description = "Run the Lattice controller: watch the Lattice kinds, compile, apply, prune, report status; host the cell with --cell-grpc.")
public final class CellControllerCommand extends ControllerCommand {
  @Option(names = "--cell-grpc", defaultValue = "${env:LATTICE_CELL_GRPC:-}",
      description = "Host the cell too: its AgentLink gRPC address HOST:PORT (port 0: any). Env LATTICE_CELL_GRPC.")
  String cellGrpc;

  @Option(names = "--cell-bootstrap", defaultValue = "${env:LATTICE_CELL_BOOTSTRAP:-}",
      description = "The cell's bootstrap endpoint HOST:PORT (HTTPS). Default: the gRPC host, port 8443. Env LATTICE_CELL_BOOTSTRAP.")
  String cellBootstrap;

  @Option(names = "--cell-data", defaultValue = "${env:LATTICE_CELL_DATA:-}",
      description = "The cell's CA, tokens and state (as lattice cell --data). Env LATTICE_CELL_DATA.")
  String cellData;

  @Option(names = "--cell-init", description = "Also create --cell-data when it does not exist (a new CA). Without it a "
      + "new CA is made only in an existing folder holding no cell file (a new volume); never over an existing CA.")
  boolean cellInit;

  @Option(names = "--cell-cluster", defaultValue = "${env:LATTICE_CELL_CLUSTER:-}",
      description = "The cell's own LatticeCluster (its spec.parentConfig gives the bootstrap endpoint). Env LATTICE_CELL_CLUSTER.")
  String cellCluster;

  @Option(names = "--cell-hosts", split = ",", description = "Extra DNS names or IPs for the cell's server certificates.")
  List<String> cellHosts = List.of();

  @Option(names = "--cell-heartbeat-seconds", defaultValue = "10", description = "Heartbeat interval asked of agents.")
  int cellHeartbeatSeconds;

  @Option(names = "--cell-agent-image", defaultValue = "ghcr.io/lattice/agent:dev")
  String cellAgentImage;

  @Option(names = "--cell-kubeconfig", defaultValue = "${env:LATTICE_CELL_KUBECONFIG:-}",
      description = "This cluster's kubeconfig for clusterctl move (the unpivot's target). Default: $KUBECONFIG, else ~/.kube/config.")
  String cellKubeconfig;

  @Option(names = "--cell-clusterctl", defaultValue = "clusterctl", description = "The clusterctl executable.")
  String cellClusterctl;

  public CellControllerCommand() {
    this(() -> new KubernetesClientBuilder().build());
  }

  /** A command whose Kubernetes client comes from {@code clients} (tests). */
  public CellControllerCommand(Supplier<KubernetesClient> clients) {
    super(clients);
  }

  @Override
  protected Optional<HostedHook.Opener> hosting() {
    boolean cell = !cellGrpc.isBlank();
    if (!cell && !(cellBootstrap.isBlank() && cellData.isBlank() && cellCluster.isBlank())) {
      throw new ParameterException(spec().commandLine(), "the --cell-* options need --cell-grpc HOST:PORT");
    }
    if (cell && (cellData.isBlank() || cellCluster.isBlank())) {
      throw new ParameterException(spec().commandLine(), "--cell-grpc needs --cell-data DIR and --cell-cluster NAME");
    }
    if (!cell) {
      return Optional.empty();
    }
    return Optional.of((client, out) -> new LeaderOnlyCell(() -> startCell(client, out), Duration.ofSeconds(5), out));
  }

  private HostedCell startCell(KubernetesClient client, PrintWriter out) throws IOException {
    Path data = Path.of(cellData);
    Path kubeconfig = !cellKubeconfig.isBlank() ? Path.of(cellKubeconfig)
        : Optional.ofNullable(System.getenv("KUBECONFIG")).filter(k -> !k.isBlank())
            .map(k -> Path.of(k.split(java.io.File.pathSeparator)[0]))
            .orElse(Path.of(System.getProperty("user.home"), ".kube", "config"));
    return HostedCell.start(client, new CellProcess.Options(cellGrpc, cellBootstrap.isBlank() ? null : cellBootstrap, cellHosts,
        data, cellInit ? CellData.NewCa.ALLOWED : CellData.NewCa.IN_EXISTING_FOLDER, cellHeartbeatSeconds, cellAgentImage), new HostedCell.Options(cellCluster, Duration.ofSeconds(5),
        Duration.ofMinutes(1), Duration.ofHours(1)), HostedCell.clusterctl(cellClusterctl, kubeconfig, 30), out);
  }
}

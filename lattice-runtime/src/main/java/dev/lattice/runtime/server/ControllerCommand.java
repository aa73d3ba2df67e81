package dev.lattice.runtime.server;

import dev.lattice.runtime.controller.ClusterHook;
import dev.lattice.runtime.controller.ControllerOptions;
import dev.lattice.runtime.controller.LatticeController;
import dev.lattice.runtime.link.cli.CellProcess;
import dev.lattice.runtime.controller.Leadership;
import dev.lattice.runtime.link.wiring.HostedCell;
import dev.lattice.runtime.link.wiring.LeaderOnlyCell;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code controller}: runs the Lattice controller against the cluster of the current kubeconfig
 * or in-cluster service account, until stopped (SIGTERM: everything is closed before the JVM exits).
 * With {@code --cell-grpc} it hosts the cell too ({@link HostedCell}: the AgentLink server, the
 * bootstrap endpoint, the child API proxies, and {@code ChildClusterWiring} as the cluster hook); with
 * {@code --leader-election} the cell runs only while this replica holds the Lease ({@link LeaderOnlyCell}).
 * Most options also read an environment variable.
 */
@Command(name = "controller", mixinStandardHelpOptions = true,
    description = "Run the Lattice controller: watch the Lattice kinds, compile, apply, prune, report status.")
public final class ControllerCommand implements Callable<Integer> {
  @Option(names = "--apply-mode", defaultValue = "${env:LATTICE_APPLY_MODE:-ssa}",
      description = "ssa (server-side apply, field manager lattice) or replace (create-or-replace). Env LATTICE_APPLY_MODE.")
  String applyMode;

  @Option(names = "--trust-domain", defaultValue = "${env:LATTICE_TRUST_DOMAIN:-cluster.local}", description = "Env LATTICE_TRUST_DOMAIN.")
  String trustDomain;

  @Option(names = "--leader-election", defaultValue = "${env:LATTICE_LEADER_ELECTION:-false}",
      description = "Hold a Lease so only one replica reconciles. Env LATTICE_LEADER_ELECTION.")
  boolean leaderElection;

  @Option(names = "--lease-name", defaultValue = "${env:LATTICE_LEASE_NAME:-lattice-controller}")
  String leaseName;

  @Option(names = "--lease-namespace", defaultValue = "${env:LATTICE_LEASE_NAMESPACE:-}", description = "Env LATTICE_LEASE_NAMESPACE.")
  String leaseNamespace;

  @Option(names = "--identity", defaultValue = "${env:LATTICE_IDENTITY:-}", description = "Lease holder identity (the pod name). Env LATTICE_IDENTITY.")
  String identity;

  @Option(names = "--coalesce-ms", defaultValue = "${env:LATTICE_COALESCE_MS:-200}", description = "Gather events for this long before a pass.")
  long coalesceMs;

  @Option(names = "--apply-workers", defaultValue = "${env:LATTICE_APPLY_WORKERS:-8}", description = "Services rolled out in parallel.")
  int applyWorkers;

  @Option(names = "--health-port", defaultValue = "${env:LATTICE_HEALTH_PORT:-8081}")
  int healthPort;

  @Option(names = "--metrics-port", defaultValue = "${env:LATTICE_METRICS_PORT:-8080}")
  int metricsPort;

  @Option(names = "--log-format", defaultValue = "${env:LATTICE_LOG_FORMAT:-json}", description = "json or text.")
  String logFormat;

  @Option(names = "--cell-grpc", defaultValue = "${env:LATTICE_CELL_GRPC:-}",
      description = "Host the cell too: its AgentLink gRPC address HOST:PORT (port 0: any). Env LATTICE_CELL_GRPC.")
  String cellGrpc;

  @Option(names = "--cell-bootstrap", defaultValue = "${env:LATTICE_CELL_BOOTSTRAP:-}",
      description = "The cell's bootstrap endpoint HOST:PORT (HTTPS). Default: the gRPC host, port 8443. Env LATTICE_CELL_BOOTSTRAP.")
  String cellBootstrap;

  @Option(names = "--cell-data", defaultValue = "${env:LATTICE_CELL_DATA:-}",
      description = "The cell's CA, tokens and state (as lattice cell --data). Env LATTICE_CELL_DATA.")
  String cellData;

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

  @Option(names = "--lease-duration-ms", defaultValue = "15000", hidden = true)
  long leaseDurationMs;

  @Option(names = "--lease-renew-deadline-ms", defaultValue = "10000", hidden = true)
  long leaseRenewDeadlineMs;

  @Option(names = "--lease-retry-ms", defaultValue = "2000", hidden = true)
  long leaseRetryMs;

  @Option(names = "--exit-when-lease-lost", defaultValue = "true", arity = "1", hidden = true,
      description = "Exit when the Lease is lost (JOSDK cannot stop reconciling otherwise); tests turn it off.")
  boolean exitWhenLeaseLost;

  @Spec
  CommandSpec spec;

  private final Supplier<KubernetesClient> clients;

  public ControllerCommand() {
    this(() -> new KubernetesClientBuilder().build());
  }

  /** A command whose Kubernetes client comes from {@code clients} (tests). */
  public ControllerCommand(Supplier<KubernetesClient> clients) {
    this.clients = clients;
  }

  @Override
  public Integer call() throws Exception {
    JsonLogFormatter.install(!"text".equals(logFormat), java.util.logging.Level.INFO);
    ControllerOptions defaults = ControllerOptions.defaults();
    ControllerOptions options = new ControllerOptions(applyMode, trustDomain, leaderElection, leaseName,
        Optional.of(leaseNamespace).filter(s -> !s.isBlank()), Optional.of(identity).filter(s -> !s.isBlank()),
        Duration.ofMillis(coalesceMs), applyWorkers, defaults.reconcileThreads(), defaults.retryInitial(),
        defaults.retryMaxAttempts(), defaults.resync());
    boolean cell = !cellGrpc.isBlank();
    if (!cell && !(cellBootstrap.isBlank() && cellData.isBlank() && cellCluster.isBlank())) {
      throw new ParameterException(spec.commandLine(), "the --cell-* options need --cell-grpc HOST:PORT");
    }
    if (cell && (cellData.isBlank() || cellCluster.isBlank())) {
      throw new ParameterException(spec.commandLine(), "--cell-grpc needs --cell-data DIR and --cell-cluster NAME");
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    PrintWriter out = spec.commandLine().getOut();
    Leadership leadership = Leadership.defaults().withTimings(Duration.ofMillis(leaseDurationMs),
        Duration.ofMillis(leaseRenewDeadlineMs), Duration.ofMillis(leaseRetryMs)).withExitWhenLost(exitWhenLeaseLost);
    try (UntilStopped stop = UntilStopped.register("lattice-shutdown");
        KubernetesClient client = clients.get();
        LeaderOnlyCell hosted = cell ? new LeaderOnlyCell(() -> startCell(client, out), Duration.ofSeconds(5), out) : null;
        LatticeController controller = new LatticeController(client, options, registry, Clock.systemUTC(),
            hosted == null ? ClusterHook.none() : hosted.hook(),
            hosted == null ? leadership : leadership.onChange(hosted::started, hosted::stopped));
        HealthServer endpoints = new HealthServer(healthPort, metricsPort, controller::ready, registry)) {
      if (hosted != null && !leaderElection) {
        hosted.started(); // no Lease: this process is the only one
      }
      controller.start();
      stop.await();
    }
    return 0;
  }

  private HostedCell startCell(KubernetesClient client, PrintWriter out) throws java.io.IOException {
    Path data = Path.of(cellData);
    Path kubeconfig = !cellKubeconfig.isBlank() ? Path.of(cellKubeconfig)
        : Optional.ofNullable(System.getenv("KUBECONFIG")).filter(k -> !k.isBlank())
            .map(k -> Path.of(k.split(java.io.File.pathSeparator)[0]))
            .orElse(Path.of(System.getProperty("user.home"), ".kube", "config"));
    return HostedCell.start(client, new CellProcess.Options(cellGrpc, cellBootstrap.isBlank() ? null : cellBootstrap, cellHosts,
        data, cellHeartbeatSeconds, cellAgentImage), new HostedCell.Options(cellCluster, Duration.ofSeconds(5),
        Duration.ofMinutes(1), Duration.ofHours(1)), HostedCell.clusterctl(cellClusterctl, kubeconfig, 30), out);
  }
}

package dev.lattice.runtime.server;

import dev.lattice.runtime.controller.ClusterHook;
import dev.lattice.runtime.controller.ControllerOptions;
import dev.lattice.runtime.controller.HostedHook;
import dev.lattice.runtime.controller.LatticeController;
import dev.lattice.runtime.controller.Leadership;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code controller}: runs the Lattice controller against the cluster of the current kubeconfig
 * or in-cluster service account, until stopped (SIGTERM: everything is closed before the JVM exits).
 * Most options also read an environment variable. This command hosts nothing beside the controller; a
 * subclass that does (the link's {@code CellControllerCommand}: {@code --cell-*}, the hosted cell) adds
 * its options and returns a {@link HostedHook.Opener} from {@link #hosting}: the controller sees what it
 * hosts only as a {@link ClusterHook}, started and stopped with this replica's leadership.
 */
@Command(name = "controller", mixinStandardHelpOptions = true,
    description = "Run the Lattice controller: watch the Lattice kinds, compile, apply, prune, report status.")
public class ControllerCommand implements Callable<Integer> {
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
  private CommandSpec spec;

  private final Supplier<KubernetesClient> clients;

  public ControllerCommand() {
    this(() -> new KubernetesClientBuilder().build());
  }

  /** A command whose Kubernetes client comes from {@code clients} (tests). */
  public ControllerCommand(Supplier<KubernetesClient> clients) {
    this.clients = clients;
  }

  /** The parsed command line (for a subclass's usage errors). */
  protected final CommandSpec spec() {
    return spec;
  }

  /**
   * What this process hosts beside the controller, if anything: called once the options are parsed,
   * before any client or port is opened; throws {@link picocli.CommandLine.ParameterException} for
   * options that do not fit together. Here: nothing.
   */
  protected Optional<HostedHook.Opener> hosting() {
    return Optional.empty();
  }

  @Override
  public Integer call() throws Exception {
    JsonLogFormatter.install(!"text".equals(logFormat), java.util.logging.Level.INFO);
    ControllerOptions defaults = ControllerOptions.defaults();
    ControllerOptions options = new ControllerOptions(applyMode, trustDomain, leaderElection, leaseName,
        Optional.of(leaseNamespace).filter(s -> !s.isBlank()), Optional.of(identity).filter(s -> !s.isBlank()),
        Duration.ofMillis(coalesceMs), applyWorkers, defaults.reconcileThreads(), defaults.retryInitial(),
        defaults.retryMaxAttempts(), defaults.resync());
    Optional<HostedHook.Opener> hosting = hosting();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    PrintWriter out = spec.commandLine().getOut();
    Leadership leadership = Leadership.defaults().withTimings(Duration.ofMillis(leaseDurationMs),
        Duration.ofMillis(leaseRenewDeadlineMs), Duration.ofMillis(leaseRetryMs)).withExitWhenLost(exitWhenLeaseLost);
    try (UntilStopped stop = UntilStopped.register("lattice-shutdown");
        KubernetesClient client = clients.get();
        HostedHook hosted = hosting.isPresent() ? hosting.get().open(client, out) : null;
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
}

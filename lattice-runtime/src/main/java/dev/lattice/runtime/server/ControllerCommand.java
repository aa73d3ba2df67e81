package dev.lattice.runtime.server;

import dev.lattice.runtime.controller.ControllerOptions;
import dev.lattice.runtime.controller.LatticeController;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code controller}: runs the Lattice controller against the cluster of the current kubeconfig
 * or in-cluster service account, until stopped. Every option also reads an environment variable.
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

  @Override
  public Integer call() throws Exception {
    JsonLogFormatter.install(!"text".equals(logFormat), java.util.logging.Level.INFO);
    ControllerOptions defaults = ControllerOptions.defaults();
    ControllerOptions options = new ControllerOptions(applyMode, trustDomain, leaderElection, leaseName,
        Optional.of(leaseNamespace).filter(s -> !s.isBlank()), Optional.of(identity).filter(s -> !s.isBlank()),
        Duration.ofMillis(coalesceMs), applyWorkers, defaults.reconcileThreads(), defaults.retryInitial(),
        defaults.retryMaxAttempts(), defaults.resync());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    CountDownLatch stopped = new CountDownLatch(1);
    try (KubernetesClient client = new KubernetesClientBuilder().build();
        LatticeController controller = new LatticeController(client, options, registry, Clock.systemUTC());
        HealthServer endpoints = new HealthServer(healthPort, metricsPort, controller::ready, registry)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "lattice-shutdown"));
      controller.start();
      stopped.await();
    }
    return 0;
  }
}

package dev.lattice.runtime.controller;

import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.runtime.apply.CreateOrReplaceApplier;
import dev.lattice.runtime.fleet.DocumentApplier;
import dev.lattice.runtime.apply.ServerSideApplier;
import dev.lattice.runtime.fleet.FleetEngine;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.health.InformerWrappingEventSourceHealthIndicator;
import io.javaoperatorsdk.operator.processing.event.rate.LinearRateLimiter;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The controller: a java-operator-sdk operator with one reconciler per Lattice kind (finalizers,
 * exponential retry, a per-object rate limit, a periodic resync), all feeding one {@link
 * FleetEngine}. Optional leader election on a Lease. {@link #start()} returns once the operator
 * runs; {@link #stop()} ends it.
 */
public final class LatticeController implements AutoCloseable {
  private final Operator operator;
  private final FleetEngine engine;
  private final FleetCaches caches = new FleetCaches();
  private final ExecutorService workers;

  public LatticeController(KubernetesClient client, ControllerOptions options, MeterRegistry metrics, Clock clock) {
    this(client, options, metrics, clock, ClusterHook.none());
  }

  /** A controller whose settled LatticeCluster reconciles also run {@code clusterHook} (a cell). */
  public LatticeController(KubernetesClient client, ControllerOptions options, MeterRegistry metrics, Clock clock,
      ClusterHook clusterHook) {
    this(client, options, metrics, clock, clusterHook, Leadership.defaults());
  }

  /** The same, with {@code leadership}'s timings and callbacks when {@code options.leaderElection()}. */
  public LatticeController(KubernetesClient client, ControllerOptions options, MeterRegistry metrics, Clock clock,
      ClusterHook clusterHook, Leadership leadership) {
    this.workers = Executors.newFixedThreadPool(options.applyWorkers(), r -> {
      Thread t = new Thread(r, "lattice-apply");
      t.setDaemon(true);
      return t;
    });
    DocumentApplier applier = options.applyMode().equals("replace") ? new CreateOrReplaceApplier(client) : new ServerSideApplier(client);
    LatticeCompiler compiler = LatticeCompiler.builder().trustDomain(options.trustDomain()).build();
    this.engine = new FleetEngine(caches::snapshot, compiler, applier, new KubeClusterWriter(client, clock), workers,
        metrics, clock, options.coalesce());
    this.operator = new Operator(o -> {
      o.withKubernetesClient(client).withCloseClientOnStop(false).withUseSSAToPatchPrimaryResource(false)
          .withConcurrentReconciliationThreads(options.reconcileThreads()).withCacheSyncTimeout(Duration.ofMinutes(2));
      if (options.leaderElection()) {
        o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(options.leaseName(),
            options.leaseNamespace().orElse(null), leadership.leaseDuration(), leadership.renewDeadline(),
            leadership.retryPeriod(), options.identity().orElse(null),
            new LeaderCallbacks(leadership.started(), leadership.stopped(), leader -> {}), leadership.exitWhenLost()));
      }
    });
    for (Reconciler<?> r : Reconcilers.all(k -> new KindHandler(k, engine, caches, metrics, clusterHook), caches)) {
      register(r, options);
    }
    caches.syncedWhen(this::informersSynced);
  }

  private <R extends io.fabric8.kubernetes.api.model.HasMetadata> void register(Reconciler<R> r, ControllerOptions options) {
    GenericRetry retry = new GenericRetry().setInitialInterval(options.retryInitial()).setIntervalMultiplier(2)
        .setMaxInterval(Duration.ofMinutes(2).toMillis()).setMaxAttempts(options.retryMaxAttempts());
    operator.register(r, o -> o.withRetry(retry)
        .withRateLimiter(new LinearRateLimiter(Duration.ofSeconds(1), 10))
        .withReconciliationMaxInterval(options.resync()));
  }

  private boolean informersSynced() {
    for (RegisteredController<?> c : operator.getRegisteredControllers()) {
      var wrappers = c.getControllerHealthInfo().informerEventSourceHealthIndicators().values();
      if (wrappers.isEmpty()) {
        return false;
      }
      for (InformerWrappingEventSourceHealthIndicator<?> w : wrappers) {
        for (var informer : w.informerHealthIndicators().values()) {
          if (!informer.hasSynced()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  public void start() {
    operator.start();
  }

  /** Whether the informers have synced and passes can run (readiness). */
  public boolean ready() {
    return caches.ready();
  }

  public FleetEngine engine() {
    return engine;
  }

  public void stop() {
    operator.stop();
    workers.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }
}

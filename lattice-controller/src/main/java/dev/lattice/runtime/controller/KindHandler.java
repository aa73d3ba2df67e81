package dev.lattice.runtime.controller;

import dev.lattice.runtime.fleet.FleetEngine;
import dev.lattice.runtime.fleet.PassOutcome;
import dev.lattice.runtime.fleet.RawObject;
import dev.lattice.runtime.install.CrdKind;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;

/**
 * What every kind's reconciler does: ask the engine for a pass and turn its outcome into the
 * framework's answer. A failed apply throws, so the framework retries with exponential backoff; a
 * spec with errors does not (it waits for a new generation); a deleted object keeps its finalizer
 * until everything derived from it is pruned (and, for a {@code LatticeCluster}, until the
 * {@link ClusterHook#deleting} hook lets it go: a cell's unpivot). A settled {@code LatticeCluster} then runs the
 * {@link ClusterHook} (a cell's link work), which may ask to be reconciled again soon.
 */
final class KindHandler {
  private final CrdKind kind;
  private final FleetEngine engine;
  private final FleetCaches caches;
  private final MeterRegistry metrics;
  private final ClusterHook clusterHook;

  KindHandler(CrdKind kind, FleetEngine engine, FleetCaches caches, MeterRegistry metrics, ClusterHook clusterHook) {
    this.kind = kind;
    this.engine = engine;
    this.caches = caches;
    this.metrics = metrics;
    this.clusterHook = kind == CrdKind.LATTICE_CLUSTER ? clusterHook : ClusterHook.none();
  }

  /** Thrown to make the framework retry: documents of the object could not be applied. */
  static final class ApplyFailedException extends RuntimeException {
    ApplyFailedException(String message) {
      super(message);
    }
  }

  <R extends LatticeResources.Base> UpdateControl<R> reconcile(R resource) throws Exception {
    if (!caches.ready()) {
      return UpdateControl.<R>noUpdate().rescheduleAfter(500);
    }
    Timer.Sample sample = Timer.start(metrics);
    String result = "error";
    try {
      RawObject raw = FleetCaches.raw(kind.kind(), resource);
      PassOutcome outcome = engine.outcomeFor(raw.key(), raw.generation(), raw.deleting());
      if (!outcome.settled(raw.key())) {
        result = "apply_failed";
        throw new ApplyFailedException(raw.key() + ": " + outcome.failedOwners().getOrDefault(raw.key().toString(),
            outcome.fleetFailed() ? "the fleet did not compile" : String.valueOf(outcome.failedOwners())));
      }
      result = outcome.held().contains(raw.key()) ? "invalid_spec" : "ok";
      if (raw.deleting()) {
        return UpdateControl.noUpdate();
      }
      Optional<Duration> again = clusterHook.reconciled(raw.key().name());
      return again.map(d -> UpdateControl.<R>noUpdate().rescheduleAfter(d.toMillis())).orElse(UpdateControl.noUpdate());
    } finally {
      metrics.counter("lattice_reconciles_total", "kind", kind.kind().wire(), "result", result).increment();
      sample.stop(metrics.timer("lattice_reconcile_duration", "kind", kind.kind().wire()));
    }
  }

  <R extends LatticeResources.Base> DeleteControl cleanup(R resource) throws Exception {
    if (!caches.ready()) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(500);
    }
    RawObject raw = FleetCaches.raw(kind.kind(), resource);
    Optional<Duration> unfinished = clusterHook.deleting(raw.key().name());
    if (unfinished.isPresent()) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(unfinished.get().toMillis());
    }
    PassOutcome outcome = engine.outcomeFor(raw.key(), raw.generation(), true);
    metrics.counter("lattice_reconciles_total", "kind", kind.kind().wire(), "result", "deleted").increment();
    return outcome.settled(raw.key()) ? DeleteControl.defaultDelete() : DeleteControl.noFinalizerRemoval().rescheduleAfter(2000);
  }
}

package dev.lattice.runtime.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.runtime.install.ManagedKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs passes over the whole fleet: snapshot → compile ({@link FleetCompiler}) → apply what
 * changed and prune what is gone ({@link Rollout}) → status and Events. Passes are single-flight
 * and coalesced: a reconcile asks for a pass that starts after its request; every request that
 * arrives while a pass runs is served by the one next pass, which reads the newest snapshot — so
 * a newer generation waits for the rollout in flight and then supersedes it. Thread-safe.
 */
public final class FleetEngine {
  private static final Logger LOG = LoggerFactory.getLogger(FleetEngine.class);

  private final Supplier<List<RawObject>> snapshot;
  private final DocumentApplier applier;
  private final ClusterWriter writer;
  private final FleetCompiler compiler;
  private final Ledger ledger = new Ledger();
  private final Rollout rollout;
  private final StatusReport report;
  private final MeterRegistry metrics;
  private final Duration coalesce;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final Map<ObjectKey, Seen> seen = new java.util.HashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger desiredCount = new java.util.concurrent.atomic.AtomicInteger();
  private final Object lock = new Object();
  private long requested;
  private long served;
  private boolean running;
  private boolean seeded;
  private PassOutcome last;

  public FleetEngine(Supplier<List<RawObject>> snapshot, LatticeCompiler compiler, DocumentApplier applier,
      ClusterWriter writer, ExecutorService workers, MeterRegistry metrics, Clock clock, Duration coalesce) {
    this.snapshot = snapshot;
    this.applier = applier;
    this.writer = writer;
    this.compiler = new FleetCompiler(compiler);
    this.rollout = new Rollout(applier, ledger, workers,
        kind -> metrics.counter("lattice_apply_errors_total", "kind", kind).increment());
    this.report = new StatusReport(clock);
    this.metrics = metrics;
    this.coalesce = coalesce;
    metrics.gauge("lattice_documents_desired", desiredCount);
    metrics.gauge("lattice_documents_applied", ledger, Ledger::size);
  }

  /**
   * The outcome for one object at one generation: the last pass's, when that pass already saw this
   * generation (and deletion state) and settled the object; otherwise {@link #awaitPass()}. This is
   * what keeps a thousand start-up reconciles to one or two passes.
   */
  public PassOutcome outcomeFor(ObjectKey key, long generation, boolean deleting) throws InterruptedException {
    synchronized (lock) {
      Seen s = seen.get(key);
      if (last != null && s != null && s.generation() == generation && s.deleting() == deleting
          && s.pass() == last.number() && last.settled(key)) {
        return last;
      }
    }
    return awaitPass();
  }

  private record Seen(long generation, boolean deleting, long pass) {}

  /** Waits for a pass that starts after this call and returns its outcome; runs it on this thread if none is running. */
  public PassOutcome awaitPass() throws InterruptedException {
    long ticket;
    synchronized (lock) {
      ticket = ++requested;
      while (true) {
        if (served >= ticket) {
          return last;
        }
        if (!running) {
          running = true;
          break;
        }
        lock.wait();
      }
    }
    PassOutcome outcome = null;
    try {
      Thread.sleep(coalesce.toMillis()); // let a burst of events gather into this pass
      long covers;
      synchronized (lock) {
        covers = requested;
      }
      outcome = runPass(covers);
      return outcome;
    } finally {
      synchronized (lock) {
        running = false;
        if (outcome != null) {
          last = outcome;
          served = outcome.number();
        }
        lock.notifyAll();
      }
    }
  }

  /** The documents applied and not pruned, as far as this controller knows. */
  public Ledger ledger() {
    return ledger;
  }

  private PassOutcome runPass(long covers) throws InterruptedException {
    Timer.Sample sample = Timer.start(metrics);
    if (!seeded) {
      seed();
    }
    List<RawObject> objects = snapshot.get();
    synchronized (lock) {
      seen.clear();
      objects.forEach(o -> seen.put(o.key(), new Seen(o.generation(), o.deleting(), covers)));
    }
    List<RawObject> live = objects.stream().filter(o -> !o.deleting()).toList();
    FleetResult fleet = compiler.compile(live);
    Set<ObjectKey> keys = new HashSet<>();
    live.forEach(o -> keys.add(o.key()));
    Rollout.Result result = new Rollout.Result(0, 0, Map.of(), Set.of());
    if (!fleet.failed()) {
      List<DesiredDocument> desired = new ArrayList<>();
      fleet.documents().forEach(d -> desired.add(Ownership.desired(d, keys)));
      Set<String> protectedOwners = new HashSet<>();
      fleet.held().forEach(k -> protectedOwners.add(k.toString()));
      result = rollout.run(desired, protectedOwners);
      desiredCount.set(desired.size());
    } else {
      LOG.warn("fleet did not compile; nothing applied: {}", fleet.unattributed().stream().map(StatusReport::line).toList());
    }
    PassOutcome outcome = new PassOutcome(covers, fleet.failed(), result.failures(), fleet.held(), result.applied(), result.pruned());
    for (RawObject o : live) {
      report(o, fleet, outcome, result.changedOwners().contains(o.key().toString()));
    }
    metrics.counter("lattice_documents_applied_total").increment(result.applied());
    metrics.counter("lattice_documents_pruned_total").increment(result.pruned());
    metrics.counter("lattice_passes_total", "result", fleet.failed() ? "fleet_failed"
        : result.failures().isEmpty() ? "ok" : "apply_failed").increment();
    sample.stop(metrics.timer("lattice_pass_duration"));
    LOG.info("pass {} objects={} held={} applied={} pruned={} failures={}", covers, live.size(), fleet.held().size(),
        result.applied(), result.pruned(), result.failures().keySet());
    return outcome;
  }

  private void seed() {
    for (ManagedKind kind : ManagedKind.ALL) {
      applier.listManaged(kind).forEach(ledger::put);
    }
    seeded = true;
    LOG.info("ledger seeded from the cluster: {} documents", ledger.size());
  }

  private void report(RawObject o, FleetResult fleet, PassOutcome outcome, boolean changed) {
    ObjectNode status = report.of(o, fleet, outcome);
    try {
      if (!StatusReport.sameAs(o.status(), status)) {
        writer.writeStatus(o, status);
      }
      for (Diagnostic d : fleet.diagnosticsOf(o.key())) {
        if (reported.add(o.key() + "@" + o.generation() + ":" + StatusReport.line(d))) {
          writer.event(o, d.isError() ? "Warning" : "Normal", d.code(), StatusReport.line(d));
        }
      }
      String failure = outcome.failedOwners().get(o.key().toString());
      if (failure != null && reported.add(o.key() + "@" + o.generation() + ":" + failure)) {
        writer.event(o, "Warning", "ApplyFailed", failure);
      } else if (changed) {
        writer.event(o, "Normal", "Applied", "derived documents of generation " + o.generation() + " applied");
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot report status of {}: {}", o.key(), e.getMessage());
    }
  }
}

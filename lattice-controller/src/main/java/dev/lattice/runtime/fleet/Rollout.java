package dev.lattice.runtime.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Applies what changed and prunes what is gone, for one pass. Fleet documents (namespaces,
 * mesh-wide defaults) go first; then each owner's documents in dependency order (namespace-level
 * objects before the Deployment), one owner per worker, so one service's rollout is serial and
 * different services roll out in parallel. An owner stops at its first failure and is retried on
 * the next pass. Namespaces are never pruned (that would delete everything in them), nor are the
 * documents of objects held back for errors.
 */
final class Rollout {
  private static final List<String> ORDER = List.of("Namespace", "ServiceAccount", "ConfigMap", "ExternalSecret",
      "PersistentVolumeClaim", "Service", "CiliumNetworkPolicy", "AuthorizationPolicy", "Deployment");

  private final DocumentApplier applier;
  private final Ledger ledger;
  private final ExecutorService workers;
  private final Consumer<String> onApplyError;

  Rollout(DocumentApplier applier, Ledger ledger, ExecutorService workers, Consumer<String> onApplyError) {
    this.applier = applier;
    this.ledger = ledger;
    this.workers = workers;
    this.onApplyError = onApplyError;
  }

  /** Counts and failures of one rollout; {@code changedOwners} had at least one document written. */
  record Result(int applied, int pruned, Map<String, String> failures, Set<String> changedOwners) {}

  Result run(List<DesiredDocument> desired, Set<String> protectedOwners) throws InterruptedException {
    Map<String, String> failures = new ConcurrentHashMap<>();
    Set<String> changed = ConcurrentHashMap.newKeySet();
    AtomicInteger applied = new AtomicInteger();
    Map<String, List<DesiredDocument>> byOwner = new LinkedHashMap<>();
    for (DesiredDocument d : desired) {
      if (!ledger.get(d.id()).map(e -> e.hash().equals(d.hash()) && e.owner().equals(d.owner())).orElse(false)) {
        byOwner.computeIfAbsent(d.owner(), o -> new ArrayList<>()).add(d);
      }
    }
    List<DesiredDocument> fleet = byOwner.remove(Ownership.FLEET);
    if (fleet != null) {
      applyOwner(Ownership.FLEET, fleet, failures, changed, applied);
    }
    List<Future<?>> running = new ArrayList<>();
    byOwner.forEach((owner, docs) -> running.add(workers.submit(() -> applyOwner(owner, docs, failures, changed, applied))));
    await(running);
    Set<String> wanted = new HashSet<>();
    desired.forEach(d -> wanted.add(d.id()));
    int pruned = 0;
    for (Ledger.Entry e : ledger.entries()) {
      if (wanted.contains(e.id()) || protectedOwners.contains(e.owner())) {
        continue;
      }
      if (e.kind().kind().equals("Namespace")) {
        ledger.remove(e.id()); // left in place on purpose; forgotten so it is not listed again
        continue;
      }
      try {
        applier.delete(e.kind(), e.namespace(), e.name());
        ledger.remove(e.id());
        changed.add(e.owner());
        pruned++;
      } catch (RuntimeException ex) {
        failures.putIfAbsent(e.owner(), "prune " + e.id() + ": " + ex.getMessage());
        onApplyError.accept(e.kind().kind());
      }
    }
    return new Result(applied.get(), pruned, Map.copyOf(failures), Set.copyOf(changed));
  }

  private void applyOwner(String owner, List<DesiredDocument> docs, Map<String, String> failures, Set<String> changed,
      AtomicInteger applied) {
    docs.sort(Comparator.comparingInt(Rollout::rank).thenComparing(DesiredDocument::id));
    for (DesiredDocument d : docs) {
      try {
        applier.apply(d);
        ledger.put(new Ledger.Entry(d.id(), d.kind(), d.namespace(), d.name(), d.owner(), d.hash()));
        changed.add(owner);
        applied.incrementAndGet();
      } catch (RuntimeException ex) {
        failures.put(owner, "apply " + d.id() + ": " + ex.getMessage());
        onApplyError.accept(d.kind().kind());
        return; // serial per owner: the rest waits for the retry
      }
    }
  }

  private static int rank(DesiredDocument d) {
    int i = ORDER.indexOf(d.kind().kind());
    return i < 0 ? ORDER.size() - 1 : i;
  }

  private static void await(List<Future<?>> running) throws InterruptedException {
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("rollout worker failed", e.getCause());
      }
    }
  }
}

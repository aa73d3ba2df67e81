package dev.lattice.runtime.link.cell;

import dev.lattice.model.cluster.LatticeClusterStatus.ChildHealth;
import dev.lattice.runtime.link.pki.Revocations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Every child the cell has heard of, by cluster name, and the heartbeat judgement: a child whose last
 * heartbeat is older than the timeout (by the injected clock) is marked unhealthy and reported to
 * the listener, which the runtime uses to write {@code childrenHealth}.
 */
public final class ChildRegistry {
  private final Map<String, ChildSession> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration heartbeatTimeout;
  private final Consumer<String> onUnhealthy;
  private final java.util.concurrent.atomic.LongAdder heartbeats = new java.util.concurrent.atomic.LongAdder();

  private final CommandStore store;

  /** A registry whose command books live in memory only. */
  public ChildRegistry(Clock clock, Duration heartbeatTimeout, Consumer<String> onUnhealthy) {
    this(clock, heartbeatTimeout, onUnhealthy, CommandStore.none());
  }

  /** A registry whose command books are kept in {@code store}; every stored cluster's book is restored now. */
  public ChildRegistry(Clock clock, Duration heartbeatTimeout, Consumer<String> onUnhealthy, CommandStore store) {
    this.clock = clock;
    this.heartbeatTimeout = heartbeatTimeout;
    this.onUnhealthy = onUnhealthy;
    this.store = store;
    store.clusters().forEach(this::session);
  }

  /** The session of a cluster, created on first use (commands may be queued before the agent connects). */
  public ChildSession session(String cluster) {
    return sessions.computeIfAbsent(cluster, c -> new ChildSession(c, store));
  }

  /** Submits the stored commands this registry does not know yet (added by another process); returns how many. */
  public int pickUp() {
    int added = 0;
    for (String cluster : store.clusters()) {
      ChildSession s = session(cluster);
      for (var c : store.pending(cluster)) {
        if (s.submit(c)) {
          added++;
        }
      }
    }
    return added;
  }

  /** Closes the live streams whose certificate is now revoked; returns their clusters. */
  List<String> closeRevoked(Revocations revocations) {
    List<String> closed = new ArrayList<>();
    sessions.values().forEach(s -> {
      if (s.closeIfRevoked(revocations)) {
        closed.add(s.cluster());
      }
    });
    return closed;
  }

  Clock clock() {
    return clock;
  }

  /** One sweep of the heartbeat monitor; returns the clusters it marked unhealthy. */
  List<String> sweep() {
    var deadline = clock.instant().minus(heartbeatTimeout);
    List<String> expired = new ArrayList<>();
    for (ChildSession s : sessions.values()) {
      if (s.expireIfSilentSince(deadline)) {
        expired.add(s.cluster());
        onUnhealthy.accept(s.cluster());
      }
    }
    return expired;
  }

  /** The {@code childrenHealth} map of the cell's status, sorted by cluster. */
  public Map<String, ChildHealth> childrenHealth() {
    Map<String, ChildHealth> out = new TreeMap<>();
    sessions.forEach((name, s) -> out.put(name, s.childHealth()));
    return out;
  }

  /** A {@code childrenHealth} entry as its JSON fields, in order, absent ones left out. */
  public static Map<String, Object> fields(ChildHealth h) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    h.agentState().ifPresent(v -> m.put("agentState", v));
    h.readyNodes().ifPresent(v -> m.put("readyNodes", v));
    h.totalNodes().ifPresent(v -> m.put("totalNodes", v));
    h.readyControlPlane().ifPresent(v -> m.put("readyControlPlane", v));
    h.totalControlPlane().ifPresent(v -> m.put("totalControlPlane", v));
    h.lastHeartbeat().ifPresent(v -> m.put("lastHeartbeat", v));
    return m;
  }

  void countHeartbeat() {
    heartbeats.increment();
  }

  /** Heartbeats received since start. */
  long heartbeatsReceived() {
    return heartbeats.sum();
  }

  /** How many children hold a live stream. */
  public long connectedCount() {
    return sessions.values().stream().filter(ChildSession::connected).count();
  }
}

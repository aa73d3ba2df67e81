package dev.lattice.emit.capi.lifecycle;

import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.DELETING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.FAILED;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PENDING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PIVOTED;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PIVOTING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PROVISIONING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.READY;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.UNPIVOTING;

import dev.lattice.model.Condition;
import dev.lattice.model.cluster.LatticeClusterStatus;
import dev.lattice.model.cluster.LatticeClusterStatus.Phase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of a cluster as a pure transition function: provision → pivot (the cluster takes over
 * its own CAPI objects) → ready, and on deletion unpivot (the parent imports them back) → delete.
 *
 * <p>Rules: deletion wins over errors but never interrupts a running pivot; an error fails any phase
 * but {@code Deleting} (terminal), and clearing it resumes at {@code Pivoted} if the pivot completed,
 * else at {@code Provisioning}. Crash safety: {@code pivotComplete} (and the {@code UnpivotImported}
 * condition) are written the first time the outcome is observed and trusted afterwards, so a restart
 * in {@code Pivoting} or {@code Unpivoting} never repeats a finished move; they count only from
 * {@code Pivoting} on, and the phases {@code Pivoted}, {@code Ready} and {@code Unpivoting} imply the
 * pivot even without the marker. {@link #next} only takes edges of {@link #allowed}; anything else is a bug
 * ({@link IllegalStateException}).
 */
public final class ClusterLifecycle {
  public static final String INFRASTRUCTURE_READY = "InfrastructureReady";
  public static final String CONTROL_PLANE_READY = "ControlPlaneReady";
  public static final String WORKERS_READY = "WorkersReady";
  public static final String BOOTSTRAP_COMPLETE = "BootstrapComplete";
  public static final String AGENT_CONNECTED = "AgentConnected";
  public static final String PIVOT_COMPLETE = "PivotComplete";
  public static final String UNPIVOT_IMPORTED = "UnpivotImported";
  public static final String READY_CONDITION = "Ready";

  private static final Map<Phase, Set<Phase>> EDGES = new EnumMap<>(Phase.class);

  static {
    EDGES.put(PENDING, EnumSet.of(PROVISIONING, DELETING, FAILED));
    EDGES.put(PROVISIONING, EnumSet.of(PIVOTING, DELETING, FAILED));
    EDGES.put(PIVOTING, EnumSet.of(PIVOTED, FAILED));
    EDGES.put(PIVOTED, EnumSet.of(READY, UNPIVOTING, FAILED));
    EDGES.put(READY, EnumSet.of(PIVOTED, UNPIVOTING, FAILED));
    EDGES.put(UNPIVOTING, EnumSet.of(DELETING, FAILED));
    EDGES.put(DELETING, EnumSet.noneOf(Phase.class));
    EDGES.put(FAILED, EnumSet.of(PROVISIONING, PIVOTED, DELETING, UNPIVOTING));
  }

  private ClusterLifecycle() {}

  /** Whether a reconcile may move a cluster from one phase to another (staying is always allowed). */
  public static boolean allowed(Phase from, Phase to) {
    return from == to || EDGES.get(from).contains(to);
  }

  /** The status after one reconcile that observed {@code facts}. */
  public static LatticeClusterStatus next(LatticeClusterStatus current, ObservedFacts facts) {
    Phase from = current.phase().orElse(PENDING);
    boolean afterPivotStart = from != PENDING && from != PROVISIONING && from != DELETING;
    boolean pivoted = from == PIVOTED || from == READY || from == UNPIVOTING
        || afterPivotStart && (current.pivotComplete().orElse(false) || (from == PIVOTING && facts.pivotDone()));
    boolean unpivoted = from == UNPIVOTING && (isTrue(current, UNPIVOT_IMPORTED) || facts.unpivotImported());
    boolean bootstrapped = current.bootstrapComplete().orElse(false) || facts.bootstrapCalled();
    Phase to = decide(from, facts, pivoted, unpivoted, bootstrapped);
    if (!allowed(from, to)) {
      throw new IllegalStateException("lifecycle bug: " + from.wire() + " → " + to.wire());
    }
    List<Condition> conditions = new ArrayList<>();
    condition(conditions, current, facts, INFRASTRUCTURE_READY, facts.infrastructureReady(), null);
    condition(conditions, current, facts, CONTROL_PLANE_READY, facts.controlPlaneAvailable(), null);
    condition(conditions, current, facts, WORKERS_READY, facts.workersAvailable(), null);
    condition(conditions, current, facts, BOOTSTRAP_COMPLETE, bootstrapped, null);
    condition(conditions, current, facts, AGENT_CONNECTED, facts.agentConnected(), null);
    condition(conditions, current, facts, PIVOT_COMPLETE, pivoted || current.pivotComplete().orElse(false), null);
    condition(conditions, current, facts, UNPIVOT_IMPORTED, unpivoted || (to == DELETING && isTrue(current, UNPIVOT_IMPORTED)), null);
    condition(conditions, current, facts, READY_CONDITION, to == READY, to.wire());
    return new LatticeClusterStatus(Optional.of(to), Optional.of(message(to, facts, bootstrapped)),
        Optional.of(facts.generation()), conditions, Optional.of(bootstrapped),
        Optional.of(pivoted || current.pivotComplete().orElse(false)), Optional.of(facts.controlPlaneReady()),
        Optional.of(facts.workersReady()), current.childrenHealth());
  }

  private static Phase decide(Phase from, ObservedFacts f, boolean pivoted, boolean unpivoted, boolean bootstrapped) {
    if (from == DELETING) {
      return DELETING;
    }
    if (from == UNPIVOTING) {
      return unpivoted ? DELETING : f.error().isPresent() ? FAILED : UNPIVOTING;
    }
    if (f.deletionRequested()) {
      if (from == PIVOTING) {
        return pivoted ? PIVOTED : PIVOTING;
      }
      return pivoted ? UNPIVOTING : DELETING;
    }
    if (f.error().isPresent()) {
      return FAILED;
    }
    return switch (from) {
      case PENDING -> PROVISIONING;
      case PROVISIONING -> f.infrastructureReady() && f.controlPlaneAvailable() && bootstrapped && f.agentConnected()
          ? PIVOTING : PROVISIONING;
      case PIVOTING -> pivoted ? PIVOTED : PIVOTING;
      case PIVOTED, READY -> f.controlPlaneAvailable() && f.workersAvailable() ? READY : PIVOTED;
      case FAILED -> pivoted ? PIVOTED : PROVISIONING;
      default -> throw new IllegalStateException("unreachable: " + from);
    };
  }

  private static String message(Phase to, ObservedFacts f, boolean bootstrapped) {
    return switch (to) {
      case PENDING -> "waiting to provision";
      case PROVISIONING -> !f.infrastructureReady() ? "waiting for infrastructure"
          : !f.controlPlaneAvailable() ? "waiting for control plane (" + f.controlPlaneReady() + "/" + f.controlPlaneDesired() + " ready)"
          : !bootstrapped ? "waiting for the bootstrap call"
          : "waiting for the agent to connect";
      case PIVOTING -> f.deletionRequested() ? "deletion waits for the running pivot" : "moving CAPI objects into the cluster";
      case PIVOTED -> "self-managing; waiting for workers (" + f.workersReady() + "/" + f.workersDesired() + " ready)";
      case READY -> "ready and self-managing";
      case UNPIVOTING -> "moving CAPI objects back to the parent before deletion";
      case DELETING -> "deleting";
      case FAILED -> f.error().orElse("failed");
    };
  }

  private static boolean isTrue(LatticeClusterStatus s, String type) {
    return s.conditions().stream().anyMatch(c -> c.type().equals(type) && c.status().equals("True"));
  }

  private static void condition(List<Condition> out, LatticeClusterStatus current, ObservedFacts f, String type,
      boolean value, String reason) {
    String status = value ? "True" : "False";
    Optional<Condition> old = current.conditions().stream().filter(c -> c.type().equals(type)).findFirst();
    String since = old.filter(c -> c.status().equals(status)).flatMap(Condition::lastTransitionTime).orElse(f.observedAt());
    out.add(new Condition(type, status, Optional.of(reason != null ? reason : value ? "Observed" : "Waiting"),
        Optional.empty(), Optional.of(since), Optional.of(f.generation())));
  }
}

package dev.lattice.model.cluster;

import dev.lattice.model.base.Condition;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the runtime reports about a cluster: its lifecycle phase, conditions and children, and — as the
 * reference system's status carries them — per-pool replicas ({@code workerPools}), the API server
 * {@code endpoint}, the agent's {@code lastHeartbeat} and the Kubernetes {@code version} last reconciled;
 * and {@code lastAppliedGeneration}/{@code lastAppliedSpec}, the spec last compiled and applied, which a
 * restarted controller compiles in place of a spec with errors (issue #16, item 1).
 */
public record LatticeClusterStatus(
    Optional<Phase> phase,
    Optional<String> message,
    Optional<Long> observedGeneration,
    List<Condition> conditions,
    Optional<Boolean> bootstrapComplete,
    Optional<Boolean> pivotComplete,
    Optional<Integer> readyControlPlane,
    Optional<Integer> readyWorkers,
    Map<String, ChildHealth> childrenHealth,
    Map<String, WorkerPoolStatus> workerPools,
    Optional<String> endpoint,
    Optional<String> lastHeartbeat,
    Optional<String> version,
    Optional<Long> lastAppliedGeneration,
    Optional<String> lastAppliedSpec) {

  /** A status without the pool, endpoint, heartbeat and version fields. */
  public LatticeClusterStatus(Optional<Phase> phase, Optional<String> message, Optional<Long> observedGeneration,
      List<Condition> conditions, Optional<Boolean> bootstrapComplete, Optional<Boolean> pivotComplete,
      Optional<Integer> readyControlPlane, Optional<Integer> readyWorkers, Map<String, ChildHealth> childrenHealth) {
    this(phase, message, observedGeneration, conditions, bootstrapComplete, pivotComplete, readyControlPlane, readyWorkers,
        childrenHealth, Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public LatticeClusterStatus {
    workerPools = Values.map(workerPools);
    lastAppliedGeneration = Values.opt(lastAppliedGeneration);
    lastAppliedSpec = Values.opt(lastAppliedSpec);
    endpoint = Values.opt(endpoint);
    lastHeartbeat = Values.opt(lastHeartbeat);
    version = Values.opt(version);
    phase = Values.opt(phase);
    message = Values.opt(message);
    observedGeneration = Values.opt(observedGeneration);
    conditions = Values.list(conditions);
    bootstrapComplete = Values.opt(bootstrapComplete);
    pivotComplete = Values.opt(pivotComplete);
    readyControlPlane = Values.opt(readyControlPlane);
    readyWorkers = Values.opt(readyWorkers);
    childrenHealth = Values.map(childrenHealth);
  }

  /** provision → pivot → self-managing, and the ways out. */
  public enum Phase implements WireEnum {
    PENDING("Pending"),
    PROVISIONING("Provisioning"),
    PIVOTING("Pivoting"),
    PIVOTED("Pivoted"),
    READY("Ready"),
    UNPIVOTING("Unpivoting"),
    DELETING("Deleting"),
    FAILED("Failed");

    private final String wire;

    Phase(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  /** One worker pool: desired, current and ready replicas, whether the autoscaler owns it, and a message. */
  public record WorkerPoolStatus(
      Optional<Integer> desiredReplicas,
      Optional<Integer> currentReplicas,
      Optional<Integer> readyReplicas,
      Optional<Boolean> autoscalingEnabled,
      Optional<String> message) {
    public WorkerPoolStatus {
      desiredReplicas = Values.opt(desiredReplicas);
      currentReplicas = Values.opt(currentReplicas);
      readyReplicas = Values.opt(readyReplicas);
      autoscalingEnabled = Values.opt(autoscalingEnabled);
      message = Values.opt(message);
    }
  }

  /** A child cluster's health as its agent last reported it. */
  public record ChildHealth(
      Optional<Integer> readyNodes,
      Optional<Integer> totalNodes,
      Optional<Integer> readyControlPlane,
      Optional<Integer> totalControlPlane,
      Optional<String> agentState,
      Optional<String> lastHeartbeat) {
    public ChildHealth {
      readyNodes = Values.opt(readyNodes);
      totalNodes = Values.opt(totalNodes);
      readyControlPlane = Values.opt(readyControlPlane);
      totalControlPlane = Values.opt(totalControlPlane);
      agentState = Values.opt(agentState);
      lastHeartbeat = Values.opt(lastHeartbeat);
    }
  }
}

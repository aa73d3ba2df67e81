package dev.lattice.model.cluster;

import dev.lattice.model.Condition;
import dev.lattice.model.Values;
import dev.lattice.model.WireEnum;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the runtime reports about a cluster: its lifecycle phase, conditions and children. */
public record LatticeClusterStatus(
    Optional<Phase> phase,
    Optional<String> message,
    Optional<Long> observedGeneration,
    List<Condition> conditions,
    Optional<Boolean> bootstrapComplete,
    Optional<Boolean> pivotComplete,
    Optional<Integer> readyControlPlane,
    Optional<Integer> readyWorkers,
    Map<String, ChildHealth> childrenHealth) {

  public LatticeClusterStatus {
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

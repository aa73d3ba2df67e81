package dev.lattice.emit.capi.lifecycle;

import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.DELETING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.FAILED;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PENDING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PIVOTED;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PIVOTING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PROVISIONING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.READY;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.UNPIVOTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.Condition;
import dev.lattice.model.cluster.LatticeClusterStatus;
import dev.lattice.model.cluster.LatticeClusterStatus.Phase;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterLifecycleTest {
  static final String T0 = "2026-01-01T00:00:00Z";
  static final String T1 = "2026-01-01T00:05:00Z";
  static final ObservedFacts NOTHING = ObservedFacts.initial(T0);
  /** Everything up and connected, before the pivot. */
  static final ObservedFacts UP = NOTHING.withInfrastructureReady(true).withControlPlane(3, 3).withWorkers(0, 2)
      .withBootstrapCalled(true).withAgentConnected(true);
  static final ObservedFacts ALL_READY = UP.withWorkers(2, 2);

  static LatticeClusterStatus status(Phase phase) {
    return status(phase, false);
  }

  static LatticeClusterStatus status(Phase phase, boolean pivotComplete) {
    return new LatticeClusterStatus(Optional.of(phase), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
        Optional.of(pivotComplete), Optional.empty(), Optional.empty(), Map.of());
  }

  static Phase step(LatticeClusterStatus s, ObservedFacts f) {
    return ClusterLifecycle.next(s, f).phase().orElseThrow();
  }

  @Test
  void happyPathFromPendingToReadyAndDeleted() {
    LatticeClusterStatus s = new LatticeClusterStatus(null, null, null, null, null, null, null, null, null);
    s = ClusterLifecycle.next(s, NOTHING);
    assertThat(s.phase()).contains(PROVISIONING);
    s = ClusterLifecycle.next(s, NOTHING.withInfrastructureReady(true).withControlPlane(1, 3));
    assertThat(s.phase()).contains(PROVISIONING);
    assertThat(s.message().orElseThrow()).contains("waiting for control plane (1/3 ready)");
    s = ClusterLifecycle.next(s, UP);
    assertThat(s.phase()).contains(PIVOTING);
    assertThat(s.bootstrapComplete()).contains(true);
    s = ClusterLifecycle.next(s, UP.withPivotDone(true));
    assertThat(s.phase()).contains(PIVOTED);
    assertThat(s.pivotComplete()).contains(true);
    s = ClusterLifecycle.next(s, ALL_READY);
    assertThat(s.phase()).contains(READY);
    assertThat(s.readyControlPlane()).contains(3);
    assertThat(s.readyWorkers()).contains(2);
    s = ClusterLifecycle.next(s, ALL_READY.withDeletionRequested(true));
    assertThat(s.phase()).contains(UNPIVOTING);
    s = ClusterLifecycle.next(s, ALL_READY.withDeletionRequested(true));
    assertThat(s.phase()).contains(UNPIVOTING);
    s = ClusterLifecycle.next(s, ALL_READY.withDeletionRequested(true).withUnpivotImported(true));
    assertThat(s.phase()).contains(DELETING);
    assertThat(condition(s, ClusterLifecycle.UNPIVOT_IMPORTED).status()).isEqualTo("True");
  }

  @Test
  void provisioningWaitsForEveryPrecondition() {
    LatticeClusterStatus s = status(PROVISIONING);
    assertThat(step(s, UP.withInfrastructureReady(false))).isEqualTo(PROVISIONING);
    assertThat(step(s, UP.withControlPlane(2, 3))).isEqualTo(PROVISIONING);
    assertThat(step(s, UP.withBootstrapCalled(false))).isEqualTo(PROVISIONING);
    assertThat(step(s, UP.withAgentConnected(false))).isEqualTo(PROVISIONING);
    assertThat(ClusterLifecycle.next(s, UP.withAgentConnected(false)).message().orElseThrow()).contains("waiting for the agent to connect");
  }

  @Test
  void everyAllowedEdgeIsTaken() {
    ObservedFacts deletion = UP.withDeletionRequested(true);
    ObservedFacts error = UP.withError(Optional.of("boom"));
    assertThat(step(status(PENDING), NOTHING)).isEqualTo(PROVISIONING);
    assertThat(step(status(PENDING), deletion)).isEqualTo(DELETING);
    assertThat(step(status(PENDING), error)).isEqualTo(FAILED);
    assertThat(step(status(PROVISIONING), UP)).isEqualTo(PIVOTING);
    assertThat(step(status(PROVISIONING), deletion)).isEqualTo(DELETING);
    assertThat(step(status(PROVISIONING), error)).isEqualTo(FAILED);
    assertThat(step(status(PIVOTING), UP.withPivotDone(true))).isEqualTo(PIVOTED);
    assertThat(step(status(PIVOTING), error)).isEqualTo(FAILED);
    assertThat(step(status(PIVOTED, true), ALL_READY)).isEqualTo(READY);
    assertThat(step(status(PIVOTED, true), deletion)).isEqualTo(UNPIVOTING);
    assertThat(step(status(PIVOTED, true), error)).isEqualTo(FAILED);
    assertThat(step(status(READY, true), UP)).as("a worker lost").isEqualTo(PIVOTED);
    assertThat(step(status(READY, true), deletion)).isEqualTo(UNPIVOTING);
    assertThat(step(status(READY, true), error)).isEqualTo(FAILED);
    assertThat(step(status(UNPIVOTING, true), deletion.withUnpivotImported(true))).isEqualTo(DELETING);
    assertThat(step(status(UNPIVOTING, true), deletion.withError(Optional.of("import failed")))).isEqualTo(FAILED);
    assertThat(step(status(FAILED), UP)).isEqualTo(PROVISIONING);
    assertThat(step(status(FAILED, true), UP)).isEqualTo(PIVOTED);
    assertThat(step(status(FAILED), deletion)).isEqualTo(DELETING);
    assertThat(step(status(FAILED, true), deletion)).isEqualTo(UNPIVOTING);
    assertThat(step(status(DELETING), error)).as("terminal").isEqualTo(DELETING);
    assertThat(ClusterLifecycle.next(status(FAILED), error).message().orElseThrow()).contains("boom");
  }

  @Test
  void illegalTransitionsAreRejected() {
    Map<Phase, Set<Phase>> legal = Map.of(
        PENDING, EnumSet.of(PENDING, PROVISIONING, DELETING, FAILED),
        PROVISIONING, EnumSet.of(PROVISIONING, PIVOTING, DELETING, FAILED),
        PIVOTING, EnumSet.of(PIVOTING, PIVOTED, FAILED),
        PIVOTED, EnumSet.of(PIVOTED, READY, UNPIVOTING, FAILED),
        READY, EnumSet.of(READY, PIVOTED, UNPIVOTING, FAILED),
        UNPIVOTING, EnumSet.of(UNPIVOTING, DELETING, FAILED),
        DELETING, EnumSet.of(DELETING),
        FAILED, EnumSet.of(FAILED, PROVISIONING, PIVOTED, DELETING, UNPIVOTING));
    for (Phase from : Phase.values()) {
      for (Phase to : Phase.values()) {
        assertThat(ClusterLifecycle.allowed(from, to)).as(from + " → " + to).isEqualTo(legal.get(from).contains(to));
      }
    }
    assertThat(ClusterLifecycle.allowed(PROVISIONING, READY)).isFalse();
    assertThat(ClusterLifecycle.allowed(PENDING, PIVOTED)).isFalse();
    assertThat(ClusterLifecycle.allowed(DELETING, PENDING)).isFalse();
    assertThat(ClusterLifecycle.allowed(PIVOTING, DELETING)).as("never abandon a pivot").isFalse();
  }

  @Test
  void noObservationLeadsAlongAnIllegalEdge() {
    for (Phase from : Phase.values()) {
      for (boolean marker : new boolean[] {false, true}) {
        for (int bits = 0; bits < 1 << 9; bits++) {
          ObservedFacts f = NOTHING.withInfrastructureReady(bit(bits, 0)).withControlPlane(bit(bits, 1) ? 1 : 0, 1)
              .withWorkers(bit(bits, 2) ? 1 : 0, 1).withBootstrapCalled(bit(bits, 3)).withAgentConnected(bit(bits, 4))
              .withPivotDone(bit(bits, 5)).withUnpivotImported(bit(bits, 6)).withDeletionRequested(bit(bits, 7))
              .withError(bit(bits, 8) ? Optional.of("e") : Optional.empty());
          Phase to = step(status(from, marker), f);
          assertThat(ClusterLifecycle.allowed(from, to)).as(from + " → " + to + " on " + f).isTrue();
        }
      }
    }
  }

  @Test
  void inconsistentFactsDoNotSkipPhases() {
    assertThat(step(status(PROVISIONING), NOTHING.withPivotDone(true))).isEqualTo(PROVISIONING);
    assertThat(step(status(PENDING), ALL_READY.withPivotDone(true))).isEqualTo(PROVISIONING);
    assertThat(step(status(PIVOTED, true), ALL_READY.withUnpivotImported(true))).isEqualTo(READY);
  }

  @Test
  void crashSafetyMarkersAreTrustedAfterARestart() {
    // crashed after the pivot finished but before Pivoted was written: the marker alone moves on
    assertThat(step(status(PIVOTING, true), UP)).isEqualTo(PIVOTED);
    // crashed during unpivot after the import: the condition alone moves on
    LatticeClusterStatus unpivoting = new LatticeClusterStatus(Optional.of(UNPIVOTING), Optional.empty(), Optional.empty(),
        List.of(new Condition(ClusterLifecycle.UNPIVOT_IMPORTED, "True", Optional.empty(), Optional.empty(), Optional.of(T0),
            Optional.of(1L))), Optional.of(true), Optional.of(true), Optional.empty(), Optional.empty(), Map.of());
    assertThat(step(unpivoting, UP.withDeletionRequested(true))).isEqualTo(DELETING);
    // the pivot marker is never lost
    assertThat(ClusterLifecycle.next(status(READY, true), UP.withError(Optional.of("x"))).pivotComplete()).contains(true);
    // a pivot in flight is not interrupted by deletion
    assertThat(step(status(PIVOTING), UP.withDeletionRequested(true))).isEqualTo(PIVOTING);
    assertThat(ClusterLifecycle.next(status(PIVOTING), UP.withDeletionRequested(true)).message().orElseThrow()).contains("running pivot");
    assertThat(step(status(PIVOTING), UP.withDeletionRequested(true).withPivotDone(true))).isEqualTo(PIVOTED);
    // the phase itself proves the pivot when the marker is missing
    assertThat(step(status(PIVOTED, false), UP.withDeletionRequested(true))).isEqualTo(UNPIVOTING);
    // a marker written in an early phase by mistake is ignored
    assertThat(step(status(PROVISIONING, true), UP.withDeletionRequested(true))).isEqualTo(DELETING);
  }

  @Test
  void conditionsCarryGenerationAndKeepTheirTransitionTime() {
    LatticeClusterStatus s = ClusterLifecycle.next(status(PROVISIONING), UP.withInfrastructureReady(false));
    assertThat(s.conditions()).extracting(Condition::type).containsExactly(ClusterLifecycle.INFRASTRUCTURE_READY,
        ClusterLifecycle.CONTROL_PLANE_READY, ClusterLifecycle.WORKERS_READY, ClusterLifecycle.BOOTSTRAP_COMPLETE,
        ClusterLifecycle.AGENT_CONNECTED, ClusterLifecycle.PIVOT_COMPLETE, ClusterLifecycle.UNPIVOT_IMPORTED,
        ClusterLifecycle.READY_CONDITION);
    LatticeClusterStatus later = ClusterLifecycle.next(s, UP.withInfrastructureReady(false).at(2, T1));
    assertThat(later.observedGeneration()).contains(2L);
    assertThat(condition(later, ClusterLifecycle.INFRASTRUCTURE_READY).lastTransitionTime()).contains(T0);
    assertThat(condition(later, ClusterLifecycle.INFRASTRUCTURE_READY).observedGeneration()).contains(2L);
    LatticeClusterStatus flipped = ClusterLifecycle.next(s, UP.at(2, T1));
    assertThat(condition(flipped, ClusterLifecycle.INFRASTRUCTURE_READY).status()).isEqualTo("True");
    assertThat(condition(flipped, ClusterLifecycle.INFRASTRUCTURE_READY).lastTransitionTime()).contains(T1);
    assertThat(condition(flipped, ClusterLifecycle.READY_CONDITION).reason()).contains("Pivoting");
  }

  private static boolean bit(int bits, int i) {
    return (bits & (1 << i)) != 0;
  }

  private static Condition condition(LatticeClusterStatus s, String type) {
    return s.conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
  }
}

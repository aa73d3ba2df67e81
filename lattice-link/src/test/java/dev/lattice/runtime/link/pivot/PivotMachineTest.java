package dev.lattice.runtime.link.pivot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every transition of the pure pivot machine. */
class PivotMachineTest {
  private static final PivotFacts NOTHING = new PivotFacts(false, false, false, Optional.empty(), false);
  private static final PivotFacts ALL = new PivotFacts(true, true, true, Optional.of(true), true);

  private static PivotMachine.Transition next(PivotStep step, boolean moved, PivotFacts f) {
    return PivotMachine.next(new PivotState(step, moved, 0), f);
  }

  @Test
  void eachStepWaitsForItsFact() {
    for (PivotStep s : new PivotStep[] {PivotStep.PROVISIONING, PivotStep.AWAITING_BOOTSTRAP, PivotStep.AWAITING_AGENT,
        PivotStep.AWAITING_CONFIRMATION, PivotStep.PIVOTED}) {
      assertThat(next(s, false, NOTHING).state().step()).as(s.name()).isEqualTo(s);
      assertThat(next(s, false, NOTHING).action()).isEqualTo(PivotAction.NONE);
    }
  }

  @Test
  void theHappyPathInOrder() {
    assertThat(next(PivotStep.PROVISIONING, false, ALL).state().step()).isEqualTo(PivotStep.AWAITING_BOOTSTRAP);
    assertThat(next(PivotStep.AWAITING_BOOTSTRAP, false, ALL).state().step()).isEqualTo(PivotStep.AWAITING_AGENT);
    var toMove = next(PivotStep.AWAITING_AGENT, false, ALL);
    assertThat(toMove.state().step()).isEqualTo(PivotStep.MOVING);
    assertThat(toMove.action()).isEqualTo(PivotAction.MOVE);
    var confirm = next(PivotStep.MOVING, true, ALL);
    assertThat(confirm.state()).isEqualTo(new PivotState(PivotStep.AWAITING_CONFIRMATION, true, 1));
    assertThat(confirm.action()).isEqualTo(PivotAction.CONFIRM);
    assertThat(next(PivotStep.AWAITING_CONFIRMATION, true, ALL).state().step()).isEqualTo(PivotStep.PIVOTED);
    assertThat(next(PivotStep.PIVOTED, true, ALL).state().step()).isEqualTo(PivotStep.READY);
  }

  @Test
  void aMoveWithoutItsMarkerIsAskedAgainButOnlyWithTheAgentThere() {
    assertThat(next(PivotStep.MOVING, false, ALL).action()).isEqualTo(PivotAction.MOVE);
    assertThat(next(PivotStep.MOVING, false, NOTHING).action()).isEqualTo(PivotAction.NONE);
    assertThat(next(PivotStep.MOVING, false, NOTHING).state().step()).isEqualTo(PivotStep.MOVING);
  }

  @Test
  void aNegativeConfirmationAsksAgainWithANewId() {
    var t = PivotMachine.next(new PivotState(PivotStep.AWAITING_CONFIRMATION, true, 1),
        new PivotFacts(true, true, true, Optional.of(false), false));
    assertThat(t.state()).isEqualTo(new PivotState(PivotStep.AWAITING_CONFIRMATION, true, 2));
    assertThat(t.action()).isEqualTo(PivotAction.CONFIRM);
    assertThat(t.state().confirmCommandId("edge")).isEqualTo("confirm-pivot-edge-2");
  }

  @Test
  void afterThePivotOnlyTheChildMattersNotTheLink() {
    PivotFacts linkDown = new PivotFacts(true, true, false, Optional.empty(), true);
    assertThat(next(PivotStep.PIVOTED, true, linkDown).state().step()).isEqualTo(PivotStep.READY);
    assertThat(next(PivotStep.READY, true, linkDown).state().step()).isEqualTo(PivotStep.READY);
    assertThat(next(PivotStep.READY, true, NOTHING).state().step()).isEqualTo(PivotStep.PIVOTED);
  }

  @Test
  void everyStepMapsToALifecyclePhaseAndConsecutiveStepsAreAllowedEdges() {
    PivotStep[] steps = PivotStep.values();
    for (int i = 1; i < steps.length; i++) {
      assertThat(ClusterPhases.allowed(steps[i - 1].phase(), steps[i].phase()))
          .as(steps[i - 1] + " → " + steps[i]).isTrue();
    }
  }
}

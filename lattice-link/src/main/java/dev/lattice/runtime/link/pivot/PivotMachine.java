package dev.lattice.runtime.link.pivot;

import java.util.Optional;

/**
 * The pivot as a pure function: provision → bootstrap callback → agent connected → move → agent
 * confirms the CAPI objects are present → pivoted → ready. No clock, no I/O: the driver observes,
 * calls {@link #next}, persists the state, then performs the action.
 *
 * <p>Rules: a step waits until its fact holds. {@code MOVING} asks for the move until
 * {@code moveComplete} is persisted — a restart before that marker moves again (clusterctl move of
 * objects already moved finds none and succeeds), after it never. A negative confirmation asks
 * again with a new command id; the agent must be connected for a move or a confirmation. After
 * {@code PIVOTED} nothing depends on the link: readiness is the child's own.
 */
final class PivotMachine {
  /** The new state and what to do. */
  public record Transition(PivotState state, PivotAction action) {}

  private PivotMachine() {}

  public static Transition next(PivotState s, PivotFacts f) {
    return switch (s.step()) {
      case PROVISIONING -> f.provisioned() ? stay(s.at(PivotStep.AWAITING_BOOTSTRAP)) : stay(s);
      case AWAITING_BOOTSTRAP -> f.bootstrapCalled() ? stay(s.at(PivotStep.AWAITING_AGENT)) : stay(s);
      case AWAITING_AGENT -> f.agentConnected()
          ? new Transition(s.at(PivotStep.MOVING), PivotAction.MOVE) : stay(s);
      case MOVING -> s.moveComplete()
          ? confirm(new PivotState(PivotStep.AWAITING_CONFIRMATION, true, s.confirmations() + 1), f)
          : new Transition(s, f.agentConnected() ? PivotAction.MOVE : PivotAction.NONE);
      case AWAITING_CONFIRMATION -> awaitConfirmation(s, f);
      case PIVOTED -> f.childReady() ? stay(s.at(PivotStep.READY)) : stay(s);
      case READY -> f.childReady() ? stay(s) : stay(s.at(PivotStep.PIVOTED));
    };
  }

  /** The state after the driver's move returned: the marker is set, the step unchanged. */
  public static PivotState moved(PivotState s) {
    return new PivotState(s.step(), true, s.confirmations());
  }

  private static Transition awaitConfirmation(PivotState s, PivotFacts f) {
    Optional<Boolean> answer = f.objectsConfirmed();
    if (answer.isEmpty()) {
      return stay(s);
    }
    if (answer.get()) {
      return stay(s.at(PivotStep.PIVOTED));
    }
    return confirm(new PivotState(s.step(), s.moveComplete(), s.confirmations() + 1), f);
  }

  private static Transition confirm(PivotState s, PivotFacts f) {
    return new Transition(s, PivotAction.CONFIRM);
  }

  private static Transition stay(PivotState s) {
    return new Transition(s, PivotAction.NONE);
  }
}

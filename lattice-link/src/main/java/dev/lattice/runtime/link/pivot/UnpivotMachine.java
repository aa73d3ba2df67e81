package dev.lattice.runtime.link.pivot;

/**
 * The unpivot as a pure function, the mirror of {@link PivotMachine}: when a pivoted cluster is
 * deleted, its CAPI objects are first moved back from the child into the parent, and only then does
 * the parent delete the cluster. No clock, no I/O: the driver observes, calls {@link #next}, persists
 * the state, then performs the action.
 *
 * <p>Rules: {@code IMPORTING} asks for the import (with the agent connected) until
 * {@code unpivotImportComplete} is persisted — a restart before that marker imports again (a move of
 * objects already moved finds none in the child), after it never. {@code DELETE} is asked only with
 * the marker set <em>and</em> the objects seen in the parent; with the marker set and the objects not
 * (yet) seen, it waits. Deleting is asked again until the cluster is gone. A state with the marker
 * set never imports again, whatever its step.
 */
final class UnpivotMachine {
  /** The new state and what to do. */
  public record Transition(UnpivotState state, UnpivotAction action) {}

  private UnpivotMachine() {}

  public static Transition next(UnpivotState s, UnpivotFacts f) {
    return switch (s.step()) {
      case AWAITING_AGENT -> s.unpivotImportComplete() ? stay(s.at(UnpivotStep.IMPORTING))
          : f.agentConnected() ? new Transition(s.at(UnpivotStep.IMPORTING), UnpivotAction.IMPORT) : stay(s);
      case IMPORTING -> importing(s, f);
      case DELETING -> f.clusterGone() ? stay(s.at(UnpivotStep.DELETED)) : new Transition(s, UnpivotAction.DELETE);
      case DELETED -> stay(s);
    };
  }

  /** The state after the driver's import returned: the marker is set, the step unchanged. */
  public static UnpivotState imported(UnpivotState s) {
    return new UnpivotState(s.step(), true);
  }

  private static Transition importing(UnpivotState s, UnpivotFacts f) {
    if (!s.unpivotImportComplete()) {
      return new Transition(s, f.agentConnected() ? UnpivotAction.IMPORT : UnpivotAction.NONE);
    }
    return f.parentHasObjects() ? new Transition(s.at(UnpivotStep.DELETING), UnpivotAction.DELETE) : stay(s);
  }

  private static Transition stay(UnpivotState s) {
    return new Transition(s, UnpivotAction.NONE);
  }
}

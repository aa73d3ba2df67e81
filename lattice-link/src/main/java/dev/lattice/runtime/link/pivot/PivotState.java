package dev.lattice.runtime.link.pivot;

/**
 * The persisted pivot state of one cluster: the step and the crash-safety marker {@code moveComplete},
 * written as soon as the move returned and trusted afterwards, so a restart never moves twice.
 * {@code confirmations} counts the ConfirmPivot commands sent (their ids are derived from it).
 */
public record PivotState(PivotStep step, boolean moveComplete, int confirmations) {
  static PivotState initial() {
    return new PivotState(PivotStep.PROVISIONING, false, 0);
  }

  PivotState at(PivotStep s) {
    return new PivotState(s, moveComplete, confirmations);
  }

  /** The id of the current ConfirmPivot command. */
  public String confirmCommandId(String cluster) {
    return "confirm-pivot-" + cluster + "-" + confirmations;
  }
}

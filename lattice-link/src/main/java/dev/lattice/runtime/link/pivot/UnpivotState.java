package dev.lattice.runtime.link.pivot;

/**
 * The persisted unpivot state of one cluster: the step and the crash-safety marker
 * {@code unpivotImportComplete}, written as soon as the import returned and trusted afterwards, so a
 * restart never imports twice and deletion never starts before the objects are back in the parent.
 */
public record UnpivotState(UnpivotStep step, boolean unpivotImportComplete) {
  static UnpivotState initial() {
    return new UnpivotState(UnpivotStep.AWAITING_AGENT, false);
  }

  UnpivotState at(UnpivotStep s) {
    return new UnpivotState(s, unpivotImportComplete);
  }
}

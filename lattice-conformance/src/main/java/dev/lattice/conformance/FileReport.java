package dev.lattice.conformance;

import java.util.List;

/**
 * What checking one file found: how many documents passed, failed and were skipped (an unknown
 * kind, when unknown kinds are allowed), and every violation in file order.
 */
public record FileReport(String file, int passed, int failed, int skipped, List<Violation> violations) {
  public FileReport {
    violations = List.copyOf(violations);
  }

  /** True when no document failed. */
  public boolean ok() {
    return failed == 0;
  }
}

package dev.lattice.compiler.incremental;

import dev.lattice.model.diagnostics.Diagnostic;
import java.util.List;

/**
 * The stretch of read diagnostics in which two inputs differ: files are read in order, so what a
 * change of some files reports differently is one stretch between a common head and a common
 * tail (diagnostics at one position that are the same instance, or equal, are common).
 *
 * @param was the kept input's diagnostics in the stretch
 * @param is the next input's diagnostics in the stretch
 */
record ReadChange(List<Diagnostic> was, List<Diagnostic> is) {
  /** The stretch in which {@code after} differs from {@code before}. */
  static ReadChange between(List<Diagnostic> before, List<Diagnostic> after) {
    if (before == after) {
      return new ReadChange(List.of(), List.of());
    }
    int head = 0;
    int shorter = Math.min(before.size(), after.size());
    while (head < shorter && same(before.get(head), after.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < shorter - head && same(before.get(before.size() - 1 - tail), after.get(after.size() - 1 - tail))) {
      tail++;
    }
    return new ReadChange(before.subList(head, before.size() - tail), after.subList(head, after.size() - tail));
  }

  /**
   * Whether the next input has a read error. The kept input has none (only a compilation without
   * errors is kept), so one can only be in the stretch that differs.
   */
  boolean bringsError() {
    return is.stream().anyMatch(Diagnostic::isError);
  }

  private static boolean same(Diagnostic a, Diagnostic b) {
    return a == b || a.equals(b);
  }
}

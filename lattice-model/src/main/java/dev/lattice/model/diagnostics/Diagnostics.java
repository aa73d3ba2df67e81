package dev.lattice.model.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * A collector that stages of the pipeline add to; problems are counted, never thrown, so one run
 * reports every problem. Not thread-safe: each run owns its own.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public void add(Diagnostic d) {
    items.add(d);
  }

  public void addAll(Iterable<Diagnostic> ds) {
    ds.forEach(items::add);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  /** Whether there is an error whose code is not {@code code} (no sorting involved). */
  public boolean hasErrorsOtherThan(String code) {
    return items.stream().anyMatch(d -> d.isError() && !d.code().equals(code));
  }

  public int size() {
    return items.size();
  }

  /** The diagnostics so far, in the order they were added. */
  public List<Diagnostic> inOrder() {
    return java.util.Collections.unmodifiableList(items);
  }

  /** The diagnostics so far, in print order. */
  public List<Diagnostic> sorted() {
    Diagnostic[] copy = items.toArray(new Diagnostic[0]);
    java.util.Arrays.parallelSort(copy, Diagnostic.ORDER); // stable, as List.sort is
    return List.of(copy);
  }
}

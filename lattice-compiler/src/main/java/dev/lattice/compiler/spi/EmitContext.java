package dev.lattice.compiler.spi;

import dev.lattice.model.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** What an emitter may use besides the plan: the options, and a sink for its diagnostics. */
public record EmitContext(CompilerOptions options, Consumer<Diagnostic> diagnostics) {
  public void report(Diagnostic d) {
    diagnostics.accept(d);
  }

  /**
   * Runs {@code work} for every item at once (for work that reads only the immutable plan), each
   * with a context of its own, and returns the results in item order after reporting each item's
   * diagnostics here in that order: exactly what running them one after another would give.
   */
  public <T, R> List<R> atOnce(Collection<T> items, BiFunction<T, EmitContext, R> work) {
    record Done<R>(R result, List<Diagnostic> diagnostics) {}
    List<Done<R>> done = new ArrayList<>(items).parallelStream().map(item -> {
      List<Diagnostic> found = new ArrayList<>();
      return new Done<>(work.apply(item, new EmitContext(options, found::add)), found);
    }).toList();
    List<R> results = new ArrayList<>(done.size());
    for (Done<R> d : done) {
      d.diagnostics().forEach(this::report);
      results.add(d.result());
    }
    return results;
  }
}

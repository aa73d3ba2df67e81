package dev.lattice.model.read;

import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.List;

/**
 * What reading produced: the objects that bound cleanly, in input order, and every diagnostic.
 * Objects are present even when other documents failed, so one run reports every problem; callers
 * must not treat the objects as complete input while {@link #hasErrors()} is true.
 */
public record ReadResult(List<SourcedObject> objects, List<Diagnostic> diagnostics) {
  public ReadResult {
    objects = List.copyOf(objects);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}

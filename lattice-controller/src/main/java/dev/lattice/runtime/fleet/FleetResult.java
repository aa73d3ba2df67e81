package dev.lattice.runtime.fleet;

import dev.lattice.document.Document;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What compiling the fleet gave: the documents (empty when {@link #failed()}), every diagnostic by
 * the object it is about, the objects that were held back for errors ({@code held}: their last
 * good spec, if any, was compiled instead), and diagnostics that name no object.
 */
public record FleetResult(
    boolean failed,
    List<Document> documents,
    Map<ObjectKey, List<Diagnostic>> diagnostics,
    Set<ObjectKey> held,
    Set<ObjectKey> heldAtLastGood,
    List<Diagnostic> unattributed) {

  public FleetResult {
    documents = List.copyOf(documents);
    diagnostics = Map.copyOf(diagnostics);
    held = Set.copyOf(held);
    heldAtLastGood = Set.copyOf(heldAtLastGood);
    unattributed = List.copyOf(unattributed);
  }

  public List<Diagnostic> diagnosticsOf(ObjectKey key) {
    return diagnostics.getOrDefault(key, List.of());
  }
}

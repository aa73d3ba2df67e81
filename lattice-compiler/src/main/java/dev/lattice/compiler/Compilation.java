package dev.lattice.compiler;

import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The result of a compilation: the documents in output order, every diagnostic in print order, and
 * the plan they came from (absent when the input could not be resolved). When there is any error,
 * {@link #documents()} is empty: nothing is presented as the output of input with errors. When the
 * only errors are authorization denials, {@link #partialDocuments()} holds the documents of every
 * service that was not denied (denied services fail alone), for callers such as the controller
 * that apply what they can.
 */
public record Compilation(
    List<Document> documents, List<Diagnostic> diagnostics, Optional<FleetPlan> plan, List<Document> partialDocuments) {
  public Compilation {
    List<Document> given = documents;
    documents = List.copyOf(documents);
    diagnostics = List.copyOf(diagnostics);
    // the same list as both (a compilation without errors): one copy, shared
    partialDocuments = partialDocuments == given ? documents : List.copyOf(partialDocuments);
  }

  public Compilation(List<Document> documents, List<Diagnostic> diagnostics, Optional<FleetPlan> plan) {
    this(documents, diagnostics, plan, documents);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The documents as one YAML stream. */
  public String toYaml() {
    return DocumentWriter.toYaml(documents);
  }
}

package dev.lattice.compiler;

import dev.lattice.document.PersistentList;
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
 * that apply what they can. The lists are immutable: copied when made, unless they are already
 * (an incremental result's lists are {@link PersistentList}s that share the kept output's chunks).
 */
public record Compilation(
    List<Document> documents, List<Diagnostic> diagnostics, Optional<FleetPlan> plan, List<Document> partialDocuments) {
  public Compilation {
    List<Document> given = documents;
    documents = immutable(documents);
    diagnostics = immutable(diagnostics);
    // the same list as both (a compilation without errors): one copy, shared
    partialDocuments = partialDocuments == given ? documents : immutable(partialDocuments);
  }

  /** {@code list} when it cannot change (a {@link PersistentList}, which an incremental recompile patches), else an immutable copy. */
  private static <E> List<E> immutable(List<E> list) {
    return list instanceof PersistentList<E> p ? p : List.copyOf(list);
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

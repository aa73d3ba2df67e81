package dev.lattice.compiler;

import dev.lattice.compiler.document.Document;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The difference between two derivations of one neighbourhood, before and after a change, applied
 * to the previous full output. What the change cannot touch comes out the same in both derivations
 * and cancels, including what the neighbourhood gets wrong at its edge (documents of peers whose
 * own peers are missing, warnings about names outside it). Every document and diagnostic the delta
 * takes away or replaces must be in the previous output exactly as the "before" derivation has it;
 * when one is not, the neighbourhood did not reproduce the full compile and {@link #apply} refuses.
 */
final class OutputDelta {
  private final List<Document> removed = new ArrayList<>();
  private final List<Document> added = new ArrayList<>();
  private final List<Document[]> replaced = new ArrayList<>();
  private final List<Diagnostic> lostDiagnostics;
  private final List<Diagnostic> newDiagnostics;

  /**
   * Adds what reading the input reported differently: {@code before} and {@code after} are the
   * read diagnostics of the two inputs (unchanged when they hold the same instances).
   */
  void readDiagnostics(List<Diagnostic> before, List<Diagnostic> after) {
    if (before.size() == after.size()) {
      boolean same = true;
      for (int i = 0; i < before.size() && same; i++) {
        same = before.get(i) == after.get(i);
      }
      if (same) {
        return;
      }
    }
    lostDiagnostics.addAll(minus(before, after));
    newDiagnostics.addAll(minus(after, before));
  }

  private OutputDelta(List<Diagnostic> lostDiagnostics, List<Diagnostic> newDiagnostics) {
    this.lostDiagnostics = lostDiagnostics;
    this.newDiagnostics = newDiagnostics;
  }

  /** The delta from {@code before} to {@code after}, or empty when either derived one identity twice. */
  static Optional<OutputDelta> between(LatticeCompiler.Derivation before, LatticeCompiler.Derivation after) {
    OutputDelta delta = new OutputDelta(minus(before.diagnostics(), after.diagnostics()),
        minus(after.diagnostics(), before.diagnostics()));
    List<Document> a = before.documents();
    List<Document> b = after.documents();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      int c = i == a.size() ? 1 : j == b.size() ? -1 : Document.ORDER.compare(a.get(i), b.get(j));
      if ((i > 0 && i < a.size() && Document.ORDER.compare(a.get(i - 1), a.get(i)) == 0)
          || (j > 0 && j < b.size() && Document.ORDER.compare(b.get(j - 1), b.get(j)) == 0)) {
        return Optional.empty();
      }
      if (c < 0) {
        delta.removed.add(a.get(i++));
      } else if (c > 0) {
        delta.added.add(b.get(j++));
      } else {
        if (!a.get(i).equals(b.get(j))) {
          delta.replaced.add(new Document[] {a.get(i), b.get(j)});
        }
        i++;
        j++;
      }
    }
    return Optional.of(delta);
  }

  /** Whether the change brings a new error (then the full compile must speak: nothing is derived). */
  boolean addsError() {
    return newDiagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Documents added, removed or replaced. */
  int documentChanges() {
    return removed.size() + added.size() + replaced.size();
  }

  /**
   * The previous output with this delta applied: documents still in print order, diagnostics
   * sorted as the full compile sorts them. Empty when the previous output does not hold what the
   * delta takes away as the "before" derivation had it.
   */
  Optional<Applied> apply(List<Document> documents, List<Diagnostic> diagnostics) {
    TreeMap<Integer, Optional<Document>> edits = new TreeMap<>();
    for (Document d : removed) {
      int at = java.util.Collections.binarySearch(documents, d, Document.ORDER);
      if (at < 0 || !documents.get(at).equals(d)) {
        return Optional.empty();
      }
      edits.put(at, Optional.empty());
    }
    for (Document[] pair : replaced) {
      int at = java.util.Collections.binarySearch(documents, pair[0], Document.ORDER);
      if (at < 0 || !documents.get(at).equals(pair[0])) {
        return Optional.empty();
      }
      edits.put(at, Optional.of(pair[1]));
    }
    for (Document d : added) {
      if (java.util.Collections.binarySearch(documents, d, Document.ORDER) >= 0) {
        return Optional.empty();
      }
    }
    Optional<List<Diagnostic>> nextDiagnostics = applyDiagnostics(diagnostics);
    if (nextDiagnostics.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Applied(merge(documents, edits), nextDiagnostics.get()));
  }

  /** The next output. */
  record Applied(List<Document> documents, List<Diagnostic> diagnostics) {}

  private List<Document> merge(List<Document> documents, TreeMap<Integer, Optional<Document>> edits) {
    if (added.isEmpty() && removed.isEmpty()) {
      List<Document> out = new ArrayList<>(documents);
      edits.forEach((at, d) -> out.set(at, d.orElseThrow()));
      return out;
    }
    List<Document> out = new ArrayList<>(documents.size() + added.size());
    int next = 0;
    for (int i = 0; i < documents.size(); i++) {
      Document d = documents.get(i);
      while (next < added.size() && Document.ORDER.compare(added.get(next), d) < 0) {
        out.add(added.get(next++));
      }
      Optional<Document> edit = edits.get(i);
      if (edit == null) {
        out.add(d);
      } else {
        edit.ifPresent(out::add);
      }
    }
    while (next < added.size()) {
      out.add(added.get(next++));
    }
    return out;
  }

  private Optional<List<Diagnostic>> applyDiagnostics(List<Diagnostic> diagnostics) {
    if (lostDiagnostics.isEmpty() && newDiagnostics.isEmpty()) {
      return Optional.of(diagnostics);
    }
    Map<Diagnostic, Integer> lose = counts(lostDiagnostics);
    List<Diagnostic> out = new ArrayList<>(diagnostics.size() + newDiagnostics.size());
    for (Diagnostic d : diagnostics) {
      Integer n = lose.get(d);
      if (n != null && n > 0) {
        lose.put(d, n - 1);
      } else {
        out.add(d);
      }
    }
    if (lose.values().stream().anyMatch(n -> n > 0)) {
      return Optional.empty();
    }
    out.addAll(newDiagnostics);
    out.sort(Diagnostic.ORDER);
    return Optional.of(out);
  }

  /** The multiset difference {@code a - b}. */
  private static List<Diagnostic> minus(List<Diagnostic> a, List<Diagnostic> b) {
    Map<Diagnostic, Integer> left = counts(b);
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : a) {
      Integer n = left.get(d);
      if (n != null && n > 0) {
        left.put(d, n - 1);
      } else {
        out.add(d);
      }
    }
    return out;
  }

  private static Map<Diagnostic, Integer> counts(List<Diagnostic> list) {
    Map<Diagnostic, Integer> m = new HashMap<>();
    list.forEach(d -> m.merge(d, 1, Integer::sum));
    return m;
  }
}

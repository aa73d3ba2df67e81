package dev.lattice.compiler.incremental;

import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.document.Document;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
  private final List<Replacement> replaced = new ArrayList<>();
  private final List<Diagnostic> lostDiagnostics;
  private final List<Diagnostic> newDiagnostics;

  private OutputDelta(List<Diagnostic> lostDiagnostics, List<Diagnostic> newDiagnostics) {
    this.lostDiagnostics = lostDiagnostics;
    this.newDiagnostics = newDiagnostics;
  }

  /** A delta that changes nothing (until {@link #readDiagnostics} adds to it). */
  static OutputDelta none() {
    return new OutputDelta(new ArrayList<>(), new ArrayList<>());
  }

  /** Adds what reading the input reported differently: the stretch of read diagnostics that {@code read} holds. */
  void readDiagnostics(ReadChange read) {
    lostDiagnostics.addAll(minus(read.was(), read.is()));
    newDiagnostics.addAll(minus(read.is(), read.was()));
  }

  /** The delta from {@code before} to {@code after}, or empty when either derived one identity twice. */
  static Optional<OutputDelta> between(LatticeCompiler.Derivation before, LatticeCompiler.Derivation after) {
    OutputDelta delta = new OutputDelta(minus(before.diagnostics(), after.diagnostics()),
        minus(after.diagnostics(), before.diagnostics()));
    List<Document> a = before.documents();
    List<Document> b = after.documents();
    if (hasTwins(a) || hasTwins(b)) {
      return Optional.empty();
    }
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      int c = i == a.size() ? 1 : j == b.size() ? -1 : Document.ORDER.compare(a.get(i), b.get(j));
      if (c < 0) {
        delta.removed.add(a.get(i++));
      } else if (c > 0) {
        delta.added.add(b.get(j++));
      } else {
        if (!a.get(i).equals(b.get(j))) {
          delta.replaced.add(new Replacement(a.get(i), b.get(j)));
        }
        i++;
        j++;
      }
    }
    return Optional.of(delta);
  }

  /** One identity's document before and after. */
  private record Replacement(Document before, Document after) {}

  /** Whether a sorted list holds two documents of one identity (they sit side by side). */
  private static boolean hasTwins(List<Document> sorted) {
    for (int i = 1; i < sorted.size(); i++) {
      if (Document.ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the change brings a new error (then the full compile must speak: nothing is derived). */
  boolean addsError() {
    return newDiagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /**
   * The previous output with this delta applied: documents still in print order, diagnostics
   * sorted as the full compile sorts them. Empty when the previous output does not hold what the
   * delta takes away as the "before" derivation had it. The lists share every chunk of the
   * previous ones that the delta does not touch.
   */
  Optional<Applied> apply(List<Document> documents, List<Diagnostic> diagnostics) {
    ListPatch<Document> docs = new ListPatch<>();
    for (Document d : removed) {
      int at = java.util.Collections.binarySearch(documents, d, Document.ORDER);
      if (at < 0 || !documents.get(at).equals(d)) {
        return Optional.empty();
      }
      docs.remove(at);
    }
    for (Replacement r : replaced) {
      int at = java.util.Collections.binarySearch(documents, r.before(), Document.ORDER);
      if (at < 0 || !documents.get(at).equals(r.before())) {
        return Optional.empty();
      }
      docs.replace(at, r.after());
    }
    for (Document d : added) { // in order, so two inserted before one kept document stay in order
      int at = java.util.Collections.binarySearch(documents, d, Document.ORDER);
      if (at >= 0) {
        return Optional.empty();
      }
      docs.insertBefore(-at - 1, d);
    }
    Optional<ListPatch<Diagnostic>> diags = diagnosticPatch(diagnostics);
    if (diags.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Applied(docs.applyTo(documents), diags.get().applyTo(diagnostics)));
  }

  /** The next output. */
  record Applied(List<Document> documents, List<Diagnostic> diagnostics) {}

  /**
   * The lost diagnostics removed from the sorted {@code diagnostics} and the new ones inserted
   * each after every one that sorts equal to it (new ones in their order), or empty when a lost
   * one is not there.
   */
  private Optional<ListPatch<Diagnostic>> diagnosticPatch(List<Diagnostic> diagnostics) {
    ListPatch<Diagnostic> patch = new ListPatch<>();
    for (Diagnostic d : lostDiagnostics) {
      int at = indexOf(diagnostics, d, patch);
      if (at < 0) {
        return Optional.empty();
      }
      patch.remove(at);
    }
    List<Diagnostic> sorted = new ArrayList<>(newDiagnostics);
    sorted.sort(Diagnostic.ORDER); // stable: equal ones keep their order, each after the one before it
    for (Diagnostic d : sorted) {
      patch.insertBefore(afterEqualOnes(diagnostics, d), d);
    }
    return Optional.of(patch);
  }

  /** Where {@code d} is in the sorted {@code list} and not yet removed by {@code patch}, or -1. */
  private static int indexOf(List<Diagnostic> list, Diagnostic d, ListPatch<Diagnostic> patch) {
    int at = java.util.Collections.binarySearch(list, d, Diagnostic.ORDER);
    if (at < 0) {
      return -1;
    }
    int first = at;
    while (first > 0 && Diagnostic.ORDER.compare(list.get(first - 1), d) == 0) {
      first--;
    }
    for (int i = first; i < list.size() && Diagnostic.ORDER.compare(list.get(i), d) == 0; i++) {
      if (!patch.edits(i) && list.get(i).equals(d)) {
        return i;
      }
    }
    return -1;
  }

  /** The index just past every element of the sorted {@code list} that sorts equal to {@code d}. */
  private static int afterEqualOnes(List<Diagnostic> list, Diagnostic d) {
    int low = 0;
    int high = list.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Diagnostic.ORDER.compare(list.get(mid), d) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
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

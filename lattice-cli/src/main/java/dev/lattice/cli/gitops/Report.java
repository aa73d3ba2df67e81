package dev.lattice.cli.gitops;

import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the repository checks' diagnostics, positioned at a YAML node when there is one. */
final class Report {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  void error(String code, String file, Node at, String message, String hint) {
    diagnostics.add(Diagnostic.error(code, message, hint, position(file, at), ""));
  }

  void warning(String code, String file, Node at, String message, String hint) {
    diagnostics.add(Diagnostic.warning(code, message, hint, position(file, at), ""));
  }

  void add(Diagnostic d) {
    diagnostics.add(d);
  }

  List<Diagnostic> sorted() {
    List<Diagnostic> out = new ArrayList<>(diagnostics);
    out.sort(Diagnostic.ORDER);
    return List.copyOf(out);
  }

  private static SourcePosition position(String file, Node at) {
    if (at == null || at.getStartMark() == null) {
      return SourcePosition.startOf(file);
    }
    return SourcePosition.of(file, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1);
  }
}

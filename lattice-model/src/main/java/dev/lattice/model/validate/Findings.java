package dev.lattice.model.validate;

import dev.lattice.model.SourceMap;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;

/** Reports problems of one document at the positions its {@link SourceMap} knows. */
final class Findings {
  private final Diagnostics diagnostics;
  private final SourceMap sources;

  Findings(Diagnostics diagnostics, SourceMap sources) {
    this.diagnostics = diagnostics;
    this.sources = sources;
  }

  void error(String code, String path, String message, String hint) {
    diagnostics.add(Diagnostic.error(code, message, hint, sources.valueAt(path), sources.pathOf(path)));
  }

  /** An error positioned at the key that introduces {@code path} (for map keys such as names). */
  void errorAtKey(String code, String path, String message, String hint) {
    diagnostics.add(Diagnostic.error(code, message, hint, sources.keyAt(path), sources.pathOf(path)));
  }

  void warning(String code, String path, String message, String hint) {
    diagnostics.add(Diagnostic.warning(code, message, hint, sources.valueAt(path), sources.pathOf(path)));
  }

  static String child(String parent, String key) {
    return dev.lattice.model.PathSyntax.child(parent, key);
  }
}

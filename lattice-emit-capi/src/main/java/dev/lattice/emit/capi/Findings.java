package dev.lattice.emit.capi;

import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.model.SourceMap;
import dev.lattice.model.diagnostics.Diagnostic;

/** Reports the problems of one cluster with their source positions and remembers whether any was an error. */
final class Findings {
  private final EmitContext context;
  private final SourceMap sources;
  private boolean errors;

  Findings(EmitContext context, SourceMap sources) {
    this.context = context;
    this.sources = sources;
  }

  void error(String code, String path, String message, String hint) {
    errors = true;
    context.report(Diagnostic.error(code, message, hint, sources.valueAt(path), path));
  }

  void warning(String code, String path, String message, String hint) {
    context.report(Diagnostic.warning(code, message, hint, sources.valueAt(path), path));
  }

  boolean hasErrors() {
    return errors;
  }
}

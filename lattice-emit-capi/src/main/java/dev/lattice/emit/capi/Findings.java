package dev.lattice.emit.capi;

import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.model.SourceMap;
import dev.lattice.model.diagnostics.Diagnostic;

/** Reports the problems of one cluster with their source positions and remembers whether any was an error. */
final class Findings {
  private final EmitContext context;
  private final SourceMap sources;
  private final boolean report;
  private boolean errors;

  Findings(EmitContext context, SourceMap sources) {
    this(context, sources, true);
  }

  private Findings(EmitContext context, SourceMap sources, boolean report) {
    this.context = context;
    this.sources = sources;
    this.report = report;
  }

  /** A copy that only remembers whether an error was found: {@code emit} re-runs the checks {@code check} reported. */
  Findings silent() {
    return new Findings(context, sources, false);
  }

  void error(String code, String path, String message, String hint) {
    errors = true;
    if (report) {
      context.report(Diagnostic.error(code, message, hint, sources.valueAt(path), path));
    }
  }

  void warning(String code, String path, String message, String hint) {
    if (report) {
      context.report(Diagnostic.warning(code, message, hint, sources.valueAt(path), path));
    }
  }

  boolean hasErrors() {
    return errors;
  }
}

package dev.lattice.compiler.spi;

import dev.lattice.model.diagnostics.Diagnostic;
import java.util.function.Consumer;

/** What an emitter may use besides the plan: the options, and a sink for its diagnostics. */
public record EmitContext(CompilerOptions options, Consumer<Diagnostic> diagnostics) {
  public void report(Diagnostic d) {
    diagnostics.accept(d);
  }
}

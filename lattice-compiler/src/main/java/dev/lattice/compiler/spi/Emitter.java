package dev.lattice.compiler.spi;

import dev.lattice.compiler.document.Document;
import dev.lattice.compiler.plan.FleetPlan;
import java.util.List;

/**
 * Turns the resolved plan into typed documents. Implementations are pure (no I/O, clock or
 * randomness), thread-safe, and never import one another; they are found with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.lattice.compiler.spi.Emitter}) or passed to
 * the compiler's builder. Problems go to {@link EmitContext#report}; an error there fails the
 * whole compilation.
 */
public interface Emitter {
  /** A short stable name, e.g. {@code cilium}. */
  String name();

  List<Document> emit(FleetPlan plan, EmitContext context);
}

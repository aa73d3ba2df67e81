package dev.lattice.compiler.spi;

import dev.lattice.document.Document;
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

  /**
   * Every kind of document {@link #emit} may produce. The compiler fails (a bug, not an input
   * error) on a document of another kind, so the controller, which applies and prunes exactly these
   * kinds, can never meet one it has no permission for.
   */
  java.util.List<EmittedKind> kinds();

  /**
   * The input rules only this emitter knows (a provider's limits, a version matrix): run by {@code
   * validate} and by {@code compile} before any emitter builds documents, so the two give one answer.
   * Reports to {@link EmitContext#report}; {@link #emit} then builds documents only and reports nothing
   * that is an error.
   */
  default void check(FleetPlan plan, EmitContext context) {}

  /** Builds the documents; inputs that {@link #check} rejects are skipped. */
  List<Document> emit(FleetPlan plan, EmitContext context);
}

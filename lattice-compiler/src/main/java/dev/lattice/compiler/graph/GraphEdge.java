package dev.lattice.compiler.graph;

import dev.lattice.model.base.ObjectRef;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A directed edge from a caller to a callee (a member or an external service). {@link
 * State#AGREED}: both halves were declared, traffic may flow on {@code ports}. {@link
 * State#ONE_SIDED}: one half was declared, {@code missing} names the other ({@code inbound missing
 * on shop/payment-service}). {@code denied}: an end of the edge was denied by a Cedar gate, so the
 * edge is not compiled either.
 */
public record GraphEdge(ObjectRef from, ObjectRef to, State state, List<Integer> ports, Optional<String> missing, boolean denied)
    implements Comparable<GraphEdge> {

  private static final Comparator<GraphEdge> ORDER =
      Comparator.comparing(GraphEdge::from).thenComparing(GraphEdge::to).thenComparing(GraphEdge::state);

  /** Whether both halves of the agreement exist. */
  public enum State {
    AGREED,
    ONE_SIDED
  }

  public GraphEdge {
    ports = List.copyOf(ports);
  }

  /** The text on the edge: the ports of an agreed edge, the missing half of a one-sided one. */
  public String label() {
    String text = state == State.AGREED
        ? String.join(", ", ports.stream().map(String::valueOf).toList())
        : missing.orElse("");
    return denied ? (text.isEmpty() ? "denied" : text + " (denied)") : text;
  }

  @Override
  public int compareTo(GraphEdge o) {
    return ORDER.compare(this, o);
  }
}

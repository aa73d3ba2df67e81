package dev.lattice.testkit.sim;

import java.util.List;
import java.util.Objects;

/**
 * The answer of one layer for one connection.
 *
 * <p>A layer either allows, denies, or does not apply at all (L7 when the callee is outside the
 * ambient mesh). {@link #allowed()} and {@link #denied()} are both false in the last case, so
 * "the traffic gets through this layer" is {@code !denied()} and "this layer positively allows it"
 * is {@code allowed()}.
 *
 * @param outcome what the layer decided
 * @param documents the deciding documents as {@code kind/namespace/name} ({@code kind/name} for
 *     cluster-scoped ones), sorted; empty when a default decided
 * @param reason a human-readable explanation
 */
public record Verdict(Outcome outcome, List<String> documents, String reason) {

  /** What a layer decided. */
  public enum Outcome {
    /** The layer lets the connection through. */
    ALLOWED,
    /** The layer drops the connection. */
    DENIED,
    /** The layer does not see this connection (e.g. no ztunnel at the callee). */
    NOT_APPLICABLE
  }

  /** Validates, sorts and de-duplicates the documents. */
  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    documents = documents.stream().distinct().sorted().toList();
  }

  /** Whether the layer positively allows the connection. */
  public boolean allowed() {
    return outcome == Outcome.ALLOWED;
  }

  /** Whether the layer drops the connection. */
  public boolean denied() {
    return outcome == Outcome.DENIED;
  }

  /** Whether the layer sees this connection at all. */
  public boolean applies() {
    return outcome != Outcome.NOT_APPLICABLE;
  }

  static Verdict allow(List<String> documents, String reason) {
    return new Verdict(Outcome.ALLOWED, documents, reason);
  }

  static Verdict deny(List<String> documents, String reason) {
    return new Verdict(Outcome.DENIED, documents, reason);
  }

  static Verdict notApplicable(String reason) {
    return new Verdict(Outcome.NOT_APPLICABLE, List.of(), reason);
  }
}

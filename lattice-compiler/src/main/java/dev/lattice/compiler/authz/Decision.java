package dev.lattice.compiler.authz;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link GateRequest}: whether it is allowed, the policies that decided it (each
 * {@code <CedarPolicy namespace/name>#<@id or index>}, ordered by priority, highest first, then
 * name; {@link #NO_PERMIT} alone when Cedar's default deny decided) and a readable reason.
 */
public record Decision(boolean allowed, List<String> decidedBy, String reason) {
  /** What {@link #decidedBy()} holds when no policy matched and the default deny decided. */
  public static final String NO_PERMIT = "no permit";

  public Decision {
    decidedBy = List.copyOf(decidedBy);
    Objects.requireNonNull(reason, "reason");
  }

  static Decision permit(List<String> policies) {
    return new Decision(true, policies, "permitted by " + String.join(", ", policies));
  }

  static Decision forbid(List<String> policies) {
    return new Decision(false, policies, "forbidden by " + String.join(", ", policies));
  }

  static Decision noPermit() {
    return new Decision(false, List.of(NO_PERMIT), "no permit matches (Cedar denies by default)");
  }

  /** Whether Cedar's default deny decided (no policy matched). */
  public boolean defaultDeny() {
    return !allowed && decidedBy.equals(List.of(NO_PERMIT));
  }

  /**
   * The {@code LAT3003} error for a denied {@code request}, placed at {@code at}/{@code path} (where
   * the input asks for it). Naming principal, action, resource and the deciding policies.
   */
  public Diagnostic denial(GateRequest request, SourcePosition at, String path) {
    if (allowed) {
      throw new IllegalStateException("not denied: " + request);
    }
    String hint = defaultDeny()
        ? "add a CedarPolicy that permits it, e.g. permit(principal == " + request.principal()
            + ", action == " + request.action() + ", resource == " + request.resource() + ");"
        : "a forbid beats every permit; change or disable " + String.join(", ", decidedBy);
    return Diagnostic.error(Codes.DENIED, request + " denied: " + reason, hint, at, path);
  }
}

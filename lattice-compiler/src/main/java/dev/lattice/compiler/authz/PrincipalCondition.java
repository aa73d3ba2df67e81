package dev.lattice.compiler.authz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides the {@code when}/{@code unless} conditions the compiler can decide without Cedar: boolean
 * combinations ({@code &&}, {@code ||}, {@code !}) of string comparisons ({@code ==}, {@code !=})
 * between literals and the principal's attributes {@code namespace}, {@code name} and
 * {@code kind}, such as {@code principal.namespace == "media"}. These never raise an evaluation
 * error (the attributes always exist and are strings; operands are type-checked here), so the
 * result equals Cedar's. Any other expression is left to the engine ({@link #compile} is empty).
 */
final class PrincipalCondition {
  private static final Set<String> ATTRIBUTES = Set.of("namespace", "name", "kind");

  private PrincipalCondition() {}

  /** A typed expression: its kind and how to evaluate it for a request. */
  private record Term(boolean bool, Function<GateRequest, Object> eval) {}

  /**
   * The conjunction of a policy's conditions (Cedar's JSON {@code conditions} array) as a predicate
   * on the request, or empty when one of them is outside the decidable fragment.
   */
  static Optional<Predicate<GateRequest>> compile(JsonNode conditions) {
    Predicate<GateRequest> all = r -> true;
    for (JsonNode c : conditions) {
      Optional<Term> body = term(c.get("body")).filter(Term::bool);
      String kind = c.path("kind").asText("");
      if (body.isEmpty() || !(kind.equals("when") || kind.equals("unless"))) {
        return Optional.empty();
      }
      Function<GateRequest, Object> f = body.get().eval();
      boolean want = kind.equals("when");
      all = all.and(r -> ((Boolean) f.apply(r)) == want);
    }
    return Optional.of(all);
  }

  private static Optional<Term> term(JsonNode n) {
    if (n == null || !n.isObject() || n.size() != 1) {
      return Optional.empty();
    }
    String op = n.fieldNames().next();
    JsonNode a = n.get(op);
    switch (op) {
      case "Value":
        if (a.isTextual()) {
          String s = a.asText();
          return Optional.of(new Term(false, r -> s));
        }
        if (a.isBoolean()) {
          Boolean b = a.asBoolean();
          return Optional.of(new Term(true, r -> b));
        }
        return Optional.empty();
      case ".":
        return attribute(a);
      case "==":
      case "!=":
        return comparison(a, op.equals("=="));
      case "&&":
      case "||":
        return junction(a, op.equals("&&"));
      case "!":
        return term(a.get("arg")).filter(Term::bool)
            .map(t -> new Term(true, r -> !(Boolean) t.eval().apply(r)));
      default:
        return Optional.empty();
    }
  }

  private static Optional<Term> attribute(JsonNode a) {
    String attr = a.path("attr").asText("");
    if (!"principal".equals(a.path("left").path("Var").asText()) || !ATTRIBUTES.contains(attr)) {
      return Optional.empty();
    }
    Function<GateRequest, Object> read = switch (attr) {
      case "namespace" -> GateRequest::namespace;
      case "name" -> GateRequest::name;
      default -> GateRequest::kind;
    };
    return Optional.of(new Term(false, read));
  }

  private static Optional<Term> comparison(JsonNode a, boolean equal) {
    Optional<Term> l = term(a.get("left")).filter(t -> !t.bool());
    Optional<Term> r = term(a.get("right")).filter(t -> !t.bool());
    if (l.isEmpty() || r.isEmpty()) {
      return Optional.empty();
    }
    Function<GateRequest, Object> lf = l.get().eval();
    Function<GateRequest, Object> rf = r.get().eval();
    return Optional.of(new Term(true, q -> lf.apply(q).equals(rf.apply(q)) == equal));
  }

  private static Optional<Term> junction(JsonNode a, boolean and) {
    Optional<Term> l = term(a.get("left")).filter(Term::bool);
    Optional<Term> r = term(a.get("right")).filter(Term::bool);
    if (l.isEmpty() || r.isEmpty()) {
      return Optional.empty();
    }
    Function<GateRequest, Object> lf = l.get().eval();
    Function<GateRequest, Object> rf = r.get().eval();
    return Optional.of(new Term(true, and
        ? q -> (Boolean) lf.apply(q) && (Boolean) rf.apply(q)
        : q -> (Boolean) lf.apply(q) || (Boolean) rf.apply(q)));
  }
}

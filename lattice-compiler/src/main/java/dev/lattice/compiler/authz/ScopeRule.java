package dev.lattice.compiler.authz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the compiler knows about one policy without asking Cedar: its label, priority and effect,
 * its scope, and its conditions when {@link PrincipalCondition} can decide them. A rule is
 * {@code opaque} when a condition (or a scope shape) is outside that fragment: the scope is then
 * only a necessary condition, and a request it matches goes to the engine.
 */
record ScopeRule(
    String label,
    int priority,
    boolean permit,
    EntityConstraint principal,
    EntityConstraint action,
    EntityConstraint resource,
    Optional<Predicate<GateRequest>> condition) {

  /** Whether the engine must decide requests this rule's scope matches. */
  boolean opaque() {
    return condition.isEmpty();
  }

  /** Whether the request satisfies the scope (the conditions aside). */
  boolean scopeMatches(RequestKeys k) {
    return action.matches(RequestKeys.ACTION_TYPE, k.action(), Set.of(k.action()))
        && principal.matches(RequestKeys.SERVICE_TYPE, k.principal(), k.principalLineage())
        && resource.matches(k.resourceType(), k.resource(), Set.of(k.resource()));
  }

  /** Whether the policy is satisfied: scope and conditions. Only for rules that are not opaque. */
  boolean satisfiedBy(RequestKeys k) {
    return scopeMatches(k) && condition.orElseThrow().test(k.request());
  }

  /**
   * The rule of a policy in Cedar's JSON format ({@code Policy.toJson()}). A scope shape this
   * version does not model makes the rule match every request and be opaque.
   */
  static ScopeRule fromJson(String label, int priority, JsonNode policy) {
    boolean permit = "permit".equals(policy.path("effect").asText());
    Optional<EntityConstraint> p = EntityConstraint.fromJson(policy.path("principal"));
    Optional<EntityConstraint> a = EntityConstraint.fromJson(policy.path("action"));
    Optional<EntityConstraint> r = EntityConstraint.fromJson(policy.path("resource"));
    if (p.isEmpty() || a.isEmpty() || r.isEmpty()) {
      return new ScopeRule(label, priority, permit, EntityConstraint.ANY, EntityConstraint.ANY, EntityConstraint.ANY,
          Optional.empty());
    }
    return new ScopeRule(label, priority, permit, p.get(), a.get(), r.get(),
        PrincipalCondition.compile(policy.path("conditions")));
  }
}

package dev.lattice.compiler.authz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the policies whose scope matches a request without scanning them all: rules are bucketed by
 * action (or "any action"), then by the single principal entity they name (or "any principal").
 *
 * <p><b>Why answering from the index is exact.</b> Cedar is satisfied by a policy iff its scope
 * matches and all its conditions are true (a condition that errors makes the policy not
 * satisfied); the decision is Deny if a satisfied {@code forbid} exists, else Allow if a satisfied
 * {@code permit} exists, else Deny, and the reasons are the satisfied policies of the deciding
 * effect. {@link #matching} returns every rule whose scope matches — a rule can only be missed if it
 * names an action other than the request's, or a principal entity outside the principal's lineage,
 * and then its scope cannot match — and {@link ScopeRule#scopeMatches} re-checks each candidate
 * against exactly the entity hierarchy the engine is given ({@link RequestKeys}). So when none of
 * the matching rules is opaque, the satisfied set computed here is the engine's satisfied set, and
 * so is the decision. When one is opaque, the engine decides.
 */
final class ScopeIndex {
  private static final class Bucket {
    final Map<String, List<ScopeRule>> byPrincipal = new HashMap<>();
    final List<ScopeRule> anyPrincipal = new ArrayList<>();

    void add(ScopeRule rule) {
      rule.principal().single()
          .ifPresentOrElse(p -> byPrincipal.computeIfAbsent(p, k -> new ArrayList<>()).add(rule),
              () -> anyPrincipal.add(rule));
    }

    void collect(RequestKeys k, List<ScopeRule> out) {
      for (String p : k.principalLineage()) {
        for (ScopeRule r : byPrincipal.getOrDefault(p, List.of())) {
          if (r.scopeMatches(k)) {
            out.add(r);
          }
        }
      }
      for (ScopeRule r : anyPrincipal) {
        if (r.scopeMatches(k)) {
          out.add(r);
        }
      }
    }
  }

  private final Map<String, Bucket> byAction = new HashMap<>();
  private final Bucket anyAction = new Bucket();

  ScopeIndex(List<ScopeRule> rules) {
    for (ScopeRule rule : rules) {
      if (rule.action().entities().isPresent()) {
        for (String action : rule.action().entities().get()) {
          byAction.computeIfAbsent(action, a -> new Bucket()).add(rule);
        }
      } else {
        anyAction.add(rule);
      }
    }
  }

  /** Every rule whose scope matches the request, each once. */
  List<ScopeRule> matching(RequestKeys k) {
    List<ScopeRule> out = new ArrayList<>();
    Bucket b = byAction.get(k.action());
    if (b != null) {
      b.collect(k, out);
    }
    anyAction.collect(k, out);
    return out;
  }
}

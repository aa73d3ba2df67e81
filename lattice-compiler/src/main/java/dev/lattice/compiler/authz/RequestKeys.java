package dev.lattice.compiler.authz;

import java.util.Set;

/**
 * A request's entities as uids, with the principal's lineage. This mirrors exactly the entities
 * {@link EngineCall} gives Cedar: the service's only parent is its namespace, and actions and
 * resources have no parents (the schema declares no action groups and no resource hierarchy).
 */
record RequestKeys(GateRequest request, String principal, Set<String> principalLineage, String action,
    String resourceType, String resource) {
  static final String SERVICE_TYPE = Gate.NAMESPACE + "::Service";
  static final String NAMESPACE_TYPE = Gate.NAMESPACE + "::Namespace";
  static final String ACTION_TYPE = Gate.NAMESPACE + "::Action";

  private static final java.util.Map<Gate, String> ACTIONS = actions();

  private static java.util.Map<Gate, String> actions() {
    java.util.Map<Gate, String> m = new java.util.EnumMap<>(Gate.class);
    for (Gate g : Gate.values()) {
      m.put(g, EntityConstraint.uid(ACTION_TYPE, g.cedarAction()));
    }
    return m;
  }

  static RequestKeys of(GateRequest r) {
    String principal = EntityConstraint.uid(SERVICE_TYPE, r.principalId());
    String namespace = EntityConstraint.uid(NAMESPACE_TYPE, r.namespace());
    return new RequestKeys(r, principal, Set.of(principal, namespace),
        ACTIONS.get(r.gate()),
        r.gate().resourceType(), EntityConstraint.uid(r.gate().resourceType(), r.resourceId()));
  }
}

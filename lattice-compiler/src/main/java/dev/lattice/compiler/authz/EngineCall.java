package dev.lattice.compiler.authz;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.Context;
import com.cedarpolicy.model.DetailedError;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One policy set in the native engine, parsed and cached once ({@link PolicySet#cache()}), and the
 * requests to it. The entities given per request are exactly those {@link RequestKeys} describes.
 */
final class EngineCall {
  /** What Cedar answered: the decision, the satisfied policies of the deciding effect, and errors. */
  record Answer(boolean allowed, Set<String> reasons, List<String> errors) {}

  private static final EntityTypeName SERVICE = type(RequestKeys.SERVICE_TYPE);
  private static final EntityTypeName NAMESPACE = type(RequestKeys.NAMESPACE_TYPE);
  private static final EntityTypeName ACTION = type(RequestKeys.ACTION_TYPE);
  private static final Map<Gate, EntityTypeName> RESOURCES = resourceTypes();

  private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
  private final PolicySet policies;

  EngineCall(List<Policy> policies) {
    this.policies = new PolicySet(Set.copyOf(policies));
    if (!policies.isEmpty()) {
      try {
        this.policies.cache();
      } catch (CacheException e) {
        // the native cache is full or unavailable: every call then sends the set again (slower, same answers)
      }
    }
  }

  Answer authorize(GateRequest r) {
    EntityUID principal = SERVICE.of(r.principalId());
    EntityUID namespace = NAMESPACE.of(r.namespace());
    Map<String, Value> attrs = Map.of(
        "namespace", new PrimString(r.namespace()),
        "name", new PrimString(r.name()),
        "kind", new PrimString(r.kind()));
    EntityUID resource = RESOURCES.get(r.gate()).of(r.resourceId());
    Set<Entity> entities = Set.of(
        new Entity(principal, attrs, Set.of(namespace)),
        new Entity(namespace),
        new Entity(resource));
    return ask(new AuthorizationRequest(principal, ACTION.of(r.gate().cedarAction()), resource, new Context()), entities);
  }

  /** The cluster gate's question: the provider and the cluster with its metadata, no parents. */
  Answer authorize(ClusterRequest r) {
    EntityUID principal = type(Gate.NAMESPACE + "::CloudProvider").of(r.provider());
    EntityUID resource = type(Gate.NAMESPACE + "::Cluster").of(r.cluster());
    Map<String, Value> providerAttrs = Map.of("namespace", new PrimString(""), "name", new PrimString(r.provider()),
        "kind", new PrimString("CloudProvider"));
    Map<String, Value> clusterAttrs = Map.of("name", new PrimString(r.cluster()), "provider", new PrimString(r.provider()),
        "environment", new PrimString(r.environment()), "region", new PrimString(r.region()));
    Set<Entity> entities = Set.of(new Entity(principal, providerAttrs, Set.of()), new Entity(resource, clusterAttrs, Set.of()));
    return ask(new AuthorizationRequest(principal, ACTION.of(ClusterRequest.ACTION), resource, new Context()), entities);
  }

  private Answer ask(AuthorizationRequest request, Set<Entity> entities) {
    try {
      AuthorizationResponse response = engine.isAuthorized(request, policies, entities);
      if (response.success.isEmpty()) {
        List<String> errors = response.errors.map(es -> es.stream().map(e -> e.message).toList())
            .orElse(List.of("no answer"));
        return new Answer(false, Set.of(), errors);
      }
      AuthorizationSuccessResponse ok = response.success.get();
      List<String> errors = ok.getErrors().stream()
          .map(e -> e.getPolicyId() + ": " + message(e.getError())).toList();
      return new Answer(ok.isAllowed(), Set.copyOf(ok.getReason()), errors);
    } catch (AuthException e) {
      return new Answer(false, Set.of(), List.of(e.getMessage()));
    }
  }

  private static String message(DetailedError e) {
    return e == null ? "error" : e.message;
  }

  private static Map<Gate, EntityTypeName> resourceTypes() {
    Map<Gate, EntityTypeName> m = new EnumMap<>(Gate.class);
    for (Gate g : Gate.values()) {
      m.put(g, type(g.resourceType()));
    }
    return m;
  }

  private static EntityTypeName type(String name) {
    return EntityTypeName.parse(name).orElseThrow(() -> new IllegalArgumentException("entity type " + name));
  }
}

package dev.lattice.compiler.authz;

import java.util.Objects;

/**
 * One gate question: may the service {@code namespace/name} (of {@code kind}, e.g.
 * {@code LatticeService}) do {@code gate} to the resource {@code resourceId}? The principal is
 * {@code Lattice::Service::"<namespace>/<name>"} with attributes {@code namespace}, {@code name} and
 * {@code kind}, in {@code Lattice::Namespace::"<namespace>"}; the resource is
 * {@code <gate.resourceType()>::"<resourceId>"}. Equal requests get equal decisions (memoized).
 */
public record GateRequest(String namespace, String name, String kind, Gate gate, String resourceId) {

  public GateRequest {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(resourceId, "resourceId");
  }

  public static GateRequest of(String namespace, String name, String kind, Gate gate, String resourceId) {
    return new GateRequest(namespace, name, kind, gate, resourceId);
  }

  /** The principal's entity id: {@code <namespace>/<name>}. */
  public String principalId() {
    return namespace + "/" + name;
  }

  /** The principal as Cedar writes it: {@code Lattice::Service::"media/sonarr"}. */
  public String principal() {
    return Gate.NAMESPACE + "::Service::" + quote(principalId());
  }

  /** The action as Cedar writes it: {@code Lattice::Action::"OverrideSecurity"}. */
  public String action() {
    return Gate.NAMESPACE + "::Action::" + quote(gate.cedarAction());
  }

  /** The resource as Cedar writes it: {@code Lattice::SecurityOverride::"runAsRoot"}. */
  public String resource() {
    return gate.resourceType() + "::" + quote(resourceId);
  }

  private static String quote(String id) {
    return '"' + id.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** {@code principal action resource}, for messages. */
  @Override
  public String toString() {
    return principal() + " " + action() + " " + resource();
  }
}

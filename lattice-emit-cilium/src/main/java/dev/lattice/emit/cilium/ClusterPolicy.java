package dev.lattice.emit.cilium;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.platform.PlatformNamespaces;
import dev.lattice.emit.cilium.CiliumRules.L4Port;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clusterwide {@code CiliumClusterwideNetworkPolicy} {@value #NAME}: default deny, ingress and
 * egress, for every pod outside the system namespaces, with what keeps workloads alive.
 *
 * <p>Selection: pods whose namespace label exists and is not one of {@link #SYSTEM_NAMESPACES}. The
 * {@code Exists} term keeps Cilium's own non-pod endpoints (health, ingress), which carry no
 * namespace label, out of the policy. Selectors have no wildcards, so {@code capi-*} cannot be
 * written as a prefix: the standard Cluster API namespaces and the provider namespaces Lattice
 * installs are listed one by one; another {@code capi-*} namespace is not excluded. The namespaces
 * of the add-ons come from the same list the cluster emitter installs them from ({@link
 * PlatformNamespaces}), so an add-on cannot be forgotten. A webhook served by a workload in a
 * service namespace is not opened to the API server by this policy: declare it as a {@code
 * LatticeMeshMember} port, or exempt its namespace.
 *
 * <p>Allowed for every selected pod: egress to kube-dns (53/UDP+TCP, through the DNS proxy so
 * {@code toFQDNs} works); egress to the {@code kube-apiserver} entity on 443 and 6443/TCP, because
 * the plan does not say which workloads use the API and a default deny must not cut in-cluster
 * clients off (the API server still authenticates and authorizes every request); ingress from
 * {@value CiliumRules#AMBIENT_PROBE_CIDR} (ambient kubelet probes, SNATed by istio-cni) and from
 * the {@code host} entity (kubelet probes of pods outside the mesh), on any port, since probes may
 * target ports the plan does not know.
 */
final class ClusterPolicy {
  static final String NAME = "lattice-default-deny";
  static final String KIND = "CiliumClusterwideNetworkPolicy";

  /**
   * Namespaces left alone by the default deny, sorted: {@link PlatformNamespaces#exempt()}, the one
   * list the cluster emitter also installs its add-ons from.
   */
  static final List<String> SYSTEM_NAMESPACES = List.copyOf(PlatformNamespaces.exempt());

  private ClusterPolicy() {}

  static Document document() {
    return document(false);
  }

  /**
   * The default deny; with {@code models}, Kthena's namespace is left alone too (its router and
   * autoscaler reach the models' pods, which admit them in {@link ModelPolicy}).
   */
  static Document document(boolean models) {
    java.util.TreeSet<String> exempt = new java.util.TreeSet<>(SYSTEM_NAMESPACES);
    if (models) {
      exempt.add(dev.lattice.compiler.platform.Kthena.NAMESPACE);
    }
    return Json.document(MemberPolicy.API_VERSION, KIND, Optional.empty(), NAME, Map.of(), body -> {
      ObjectNode spec = body.putObject("spec");
      spec.put("description", "Lattice default deny: pods outside the system namespaces reach and are reached "
          + "only as their Lattice policies allow, plus DNS, the API server and kubelet probes.");
      ArrayNode terms = spec.putObject("endpointSelector").putArray("matchExpressions");
      terms.addObject().put("key", CiliumRules.NAMESPACE_LABEL).put("operator", "Exists");
      ObjectNode notIn = terms.addObject().put("key", CiliumRules.NAMESPACE_LABEL).put("operator", "NotIn");
      notIn.set("values", Json.strings(exempt));
      spec.set("enableDefaultDeny", CiliumRules.defaultDeny());
      ArrayNode ingress = spec.putArray("ingress");
      ingress.addObject().set("fromCIDR", Json.strings(List.of(CiliumRules.AMBIENT_PROBE_CIDR)));
      ingress.addObject().set("fromEntities", Json.strings(List.of("host")));
      ArrayNode egress = spec.putArray("egress");
      egress.add(CiliumRules.dnsEgress());
      ObjectNode api = egress.addObject();
      api.set("toEntities", Json.strings(List.of("kube-apiserver")));
      api.set("toPorts", CiliumRules.toPorts(List.of(L4Port.tcp(443), L4Port.tcp(6443))));
    });
  }
}

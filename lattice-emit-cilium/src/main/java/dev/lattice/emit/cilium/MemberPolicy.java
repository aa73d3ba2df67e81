package dev.lattice.emit.cilium;

import dev.lattice.document.ObjectNames;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.EdgePlan;
import dev.lattice.compiler.plan.ExternalEdgePlan;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.Opening;
import dev.lattice.compiler.platform.MetricsScraper;
import dev.lattice.emit.cilium.CiliumRules.L4Port;
import dev.lattice.model.mesh.Endpoint;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One member's {@code CiliumNetworkPolicy}: default deny both ways, then per agreed caller an
 * ingress rule and per agreed callee an egress rule (identity = labels + namespace, never {@code
 * cluster}), vmagent on a {@code metrics} port, the ways in from outside the mesh ({@code fromEntities}),
 * kubelet probes, egress to its external destinations and to kube-dns.
 */
final class MemberPolicy {
  static final String API_VERSION = "cilium.io/v2";
  static final String KIND = "CiliumNetworkPolicy";

  private final FleetPlan plan;

  MemberPolicy(FleetPlan plan) {
    this.plan = plan;
  }

  Document of(MemberPlan member) {
    String name = ObjectNames.bounded(member.ref().name());
    return Json.document(API_VERSION, KIND, Optional.of(member.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, name), body -> {
          ObjectNode spec = body.putObject("spec");
          ObjectNode selector = spec.putObject("endpointSelector");
          if (!member.selector().isEmpty()) {
            selector.set("matchLabels", Json.sortedMap(member.selector()));
          }
          spec.set("enableDefaultDeny", CiliumRules.defaultDeny());
          ArrayNode ingress = rules(ingress(member));
          if (!ingress.isEmpty()) {
            spec.set("ingress", ingress);
          }
          spec.set("egress", rules(egress(member)));
        });
  }

  private Set<ObjectNode> ingress(MemberPlan member) {
    Set<ObjectNode> rules = new LinkedHashSet<>();
    for (EdgePlan edge : plan.edgesInto(member.ref())) {
      plan.member(edge.caller()).ifPresent(caller -> {
        List<L4Port> ports = CiliumRules.edgePorts(caller, member);
        if (!ports.isEmpty()) {
          ObjectNode rule = Json.object();
          rule.set("fromEndpoints", CiliumRules.single(CiliumRules.peer(caller)));
          rule.set("toPorts", CiliumRules.toPorts(ports));
          rules.add(rule);
        }
      });
    }
    member.metricsPort().ifPresent(p -> {
      // vmagent is outside the mesh: its plaintext scrape reaches the target port itself
      TreeMap<String, String> vmagent = new TreeMap<>(MetricsScraper.podLabels());
      vmagent.put(CiliumRules.NAMESPACE_LABEL, MetricsScraper.namespace());
      ObjectNode from = Json.object();
      from.set("matchLabels", Json.sortedMap(vmagent));
      ObjectNode rule = Json.object();
      rule.set("fromEndpoints", CiliumRules.single(from));
      rule.set("toPorts", CiliumRules.toPorts(List.of(L4Port.tcp(p.targetPort()))));
      rules.add(rule);
    });
    plan.gateway(member.ref().namespace()).filter(g -> !member.routes().isEmpty()).ifPresent(gateway -> {
      // the namespace's ingress gateway, to the pods its routes send to
      ObjectNode from = Json.object();
      TreeMap<String, String> labels = new TreeMap<>(gateway.selector());
      labels.put(CiliumRules.NAMESPACE_LABEL, gateway.namespace());
      from.set("matchLabels", Json.sortedMap(labels));
      ObjectNode rule = Json.object();
      rule.set("fromEndpoints", CiliumRules.single(from));
      rule.set("toPorts", CiliumRules.toPorts(GatewayPolicy.backendPorts(member)));
      rules.add(rule);
    });
    rules.addAll(outside(member));
    List<L4Port> probePorts = CiliumRules.targetPorts(member).stream().filter(L4Port::isTcp).toList();
    if (!probePorts.isEmpty()) {
      ObjectNode rule = Json.object();
      if (member.ambient()) {
        rule.set("fromCIDR", Json.strings(List.of(CiliumRules.AMBIENT_PROBE_CIDR)));
      } else {
        rule.set("fromEntities", Json.strings(List.of("host")));
      }
      rule.set("toPorts", CiliumRules.toPorts(probePorts));
      rules.add(rule);
    }
    return rules;
  }

  /**
   * The ways in from outside the mesh: per set of entities (a load balancer's or node port's clients,
   * the API server of a webhook), one rule from those entities to the opened target ports. Plaintext
   * from outside reaches the target port itself, not HBONE: ztunnel takes it in inside the pod.
   */
  private static List<ObjectNode> outside(MemberPlan member) {
    TreeMap<String, TreeSet<L4Port>> byEntities = new TreeMap<>();
    for (Opening o : member.openings()) {
      byEntities.computeIfAbsent(String.join(",", o.way().entities()), k -> new TreeSet<>())
          .add(new L4Port(o.targetPort(), o.protocol()));
    }
    List<ObjectNode> rules = new java.util.ArrayList<>();
    byEntities.forEach((entities, ports) -> {
      ObjectNode rule = Json.object();
      rule.set("fromEntities", Json.strings(List.of(entities.split(","))));
      rule.set("toPorts", CiliumRules.toPorts(ports));
      rules.add(rule);
    });
    return rules;
  }

  private Set<ObjectNode> egress(MemberPlan member) {
    Set<ObjectNode> rules = new LinkedHashSet<>();
    for (EdgePlan edge : plan.edgesOutOf(member.ref())) {
      plan.member(edge.callee()).ifPresent(callee -> {
        List<L4Port> ports = CiliumRules.edgePorts(member, callee);
        if (!ports.isEmpty()) {
          ObjectNode rule = Json.object();
          rule.set("toEndpoints", CiliumRules.single(CiliumRules.peer(callee)));
          rule.set("toPorts", CiliumRules.toPorts(ports));
          rules.add(rule);
        }
      });
    }
    for (ExternalEdgePlan edge : plan.externalEdgesOf(member.ref())) {
      ExternalPlan external = plan.externals().get(edge.external());
      if (external != null) {
        rules.addAll(external(external));
      }
    }
    rules.add(CiliumRules.dnsEgress());
    return rules;
  }

  /**
   * Egress to an external destination, one rule per port and kind of destination: names as {@code
   * toFQDNs} ({@code matchPattern} for a wildcard), addresses and CIDRs as {@code toCIDRSet}. The kind
   * follows each endpoint's host rather than the destination's resolution, since an address can't
   * be matched by name nor a name by CIDR. Port 0 means any port: no {@code toPorts}.
   */
  static List<ObjectNode> external(ExternalPlan external) {
    TreeMap<Integer, TreeSet<String>> names = new TreeMap<>();
    TreeMap<Integer, TreeSet<String>> cidrs = new TreeMap<>();
    for (Endpoint e : external.endpoints().values()) {
      if (e.isAddress()) {
        cidrs.computeIfAbsent(e.port(), k -> new TreeSet<>()).add(e.cidr());
      } else {
        names.computeIfAbsent(e.port(), k -> new TreeSet<>()).add(e.host());
      }
    }
    List<ObjectNode> rules = new java.util.ArrayList<>();
    names.forEach((port, hosts) -> {
      ArrayNode fqdns = Json.array();
      hosts.forEach(h -> fqdns.addObject().put(h.contains("*") ? "matchPattern" : "matchName", h));
      rules.add(withPort(Json.object().set("toFQDNs", fqdns), port));
    });
    cidrs.forEach((port, blocks) -> {
      ArrayNode set = Json.array();
      blocks.forEach(c -> set.addObject().put("cidr", c));
      rules.add(withPort(Json.object().set("toCIDRSet", set), port));
    });
    return rules;
  }

  private static ObjectNode withPort(ObjectNode rule, int port) {
    if (port != 0) {
      rule.set("toPorts", CiliumRules.toPorts(List.of(L4Port.tcp(port))));
    }
    return rule;
  }

  private static ArrayNode rules(Set<ObjectNode> rules) {
    ArrayNode a = Json.array();
    rules.forEach(a::add);
    return a;
  }
}

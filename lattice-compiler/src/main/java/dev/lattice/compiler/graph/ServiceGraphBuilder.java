package dev.lattice.compiler.graph;

import dev.lattice.compiler.plan.Declaration;
import dev.lattice.compiler.plan.Declaration.Role;
import dev.lattice.compiler.plan.EdgePlan;
import dev.lattice.compiler.plan.ExternalEdgePlan;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.GateOutcome;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.model.base.ObjectRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link ServiceGraph} of a fleet from two plans of the same sources: {@code declared},
 * planned without authorization (every member, external service and agreed edge the input
 * declares), and {@code authorized}, the plan the compiler really derives from, whose gate outcomes
 * say which requesters the Cedar gates denied. A node in {@code declared} but not in {@code
 * authorized} is denied; its denials are its denied gate outcomes, or a generic line when the
 * denial was no gate question (a shared volume's {@code allowedConsumers}).
 *
 * <p>Edges: every agreed edge of the agreement graph (with the callee's target ports, or the
 * external service's endpoint ports), and one dashed edge per one-sided declaration, labelled with
 * the missing half (DESIGN.md §2). Wildcard declarations are drawn only through the edges they agree
 * to; references to objects absent from the input are not drawn (the compiler warns about them).
 */
public final class ServiceGraphBuilder {
  private ServiceGraphBuilder() {}

  public static ServiceGraph build(FleetPlan declared, FleetPlan authorized) {
    Map<ObjectRef, List<String>> denials = denials(declared, authorized);
    List<GraphNode> nodes = new ArrayList<>();
    for (MemberPlan m : declared.members().values()) {
      nodes.add(new GraphNode(m.ref(), NodeKind.of(m.origin()), List.of(), denials.getOrDefault(m.ref(), List.of())));
    }
    for (ExternalPlan x : declared.externals().values()) {
      List<String> endpoints = x.endpoints().values().stream().map(e -> e.host() + ":" + e.port()).distinct().sorted().toList();
      nodes.add(new GraphNode(x.ref(), NodeKind.EXTERNAL, endpoints, denials.getOrDefault(x.ref(), List.of())));
    }
    TreeMap<String, GraphEdge> edges = new TreeMap<>();
    Set<List<ObjectRef>> agreed = new HashSet<>();
    for (EdgePlan e : declared.edges()) {
      List<Integer> ports = declared.members().get(e.callee()).targetPorts();
      add(edges, new GraphEdge(e.caller(), e.callee(), GraphEdge.State.AGREED, ports, Optional.empty(),
          denials.containsKey(e.caller()) || denials.containsKey(e.callee())));
      agreed.add(List.of(e.caller(), e.callee()));
    }
    for (ExternalEdgePlan e : declared.externalEdges()) {
      List<Integer> ports = declared.externals().get(e.external()).ports();
      add(edges, new GraphEdge(e.caller(), e.external(), GraphEdge.State.AGREED, ports, Optional.empty(),
          denials.containsKey(e.caller()) || denials.containsKey(e.external())));
      agreed.add(List.of(e.caller(), e.external()));
    }
    for (Declaration d : declared.declarations()) {
      oneSided(d, declared, agreed, denials).ifPresent(e -> add(edges, e));
    }
    return new ServiceGraph(nodes, edges.values());
  }

  /** The dashed edge of a declaration whose other half is missing, if it is one. */
  private static Optional<GraphEdge> oneSided(
      Declaration d, FleetPlan plan, Set<List<ObjectRef>> agreed, Map<ObjectRef, List<String>> denials) {
    if (d.isWildcard()) {
      return Optional.empty();
    }
    boolean calls = d.role() == Role.CALLS;
    ObjectRef from = calls ? d.declarer() : d.peer();
    ObjectRef to = calls ? d.peer() : d.declarer();
    boolean known = plan.members().containsKey(from) && (plan.members().containsKey(to) || plan.externals().containsKey(to));
    if (!known || agreed.contains(List.of(from, to))) {
      return Optional.empty();
    }
    String missing;
    if (!calls) {
      missing = "outbound missing on " + from;
    } else if (plan.externals().containsKey(to)) {
      missing = "allowedRequesters missing on " + to;
    } else {
      missing = "inbound missing on " + to;
    }
    return Optional.of(new GraphEdge(from, to, GraphEdge.State.ONE_SIDED, List.of(), Optional.of(missing),
        denials.containsKey(from) || denials.containsKey(to)));
  }

  private static void add(TreeMap<String, GraphEdge> edges, GraphEdge e) {
    edges.putIfAbsent(e.from() + " " + e.to() + " " + e.state(), e);
  }

  /** Denied nodes and why: present when declared, gone after authorization. */
  private static Map<ObjectRef, List<String>> denials(FleetPlan declared, FleetPlan authorized) {
    Map<ObjectRef, List<String>> byOwner = new TreeMap<>();
    for (GateOutcome g : authorized.gates()) {
      if (!g.allowed()) {
        List<String> list = byOwner.computeIfAbsent(g.owner(), k -> new ArrayList<>());
        String line = "denied " + shortName(g.action()) + " " + g.resource();
        if (!list.contains(line)) {
          list.add(line);
        }
      }
    }
    Map<ObjectRef, List<String>> denied = new TreeMap<>();
    for (ObjectRef r : declared.members().keySet()) {
      if (!authorized.members().containsKey(r)) {
        denied.put(r, List.copyOf(byOwner.getOrDefault(r, List.of("denied (see the LAT3003 diagnostics)"))));
      }
    }
    for (ObjectRef r : declared.externals().keySet()) {
      if (!authorized.externals().containsKey(r)) {
        denied.put(r, List.copyOf(byOwner.getOrDefault(r, List.of("denied (see the LAT3003 diagnostics)"))));
      }
    }
    return denied;
  }

  /** {@code Lattice::Action::"AccessSecret"} → {@code AccessSecret}. */
  private static String shortName(String action) {
    int quote = action.indexOf('"');
    return quote < 0 ? action : action.substring(quote + 1, action.length() - (action.endsWith("\"") ? 1 : 0));
  }
}

package dev.lattice.compiler.plan;

import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import java.util.List;
import java.util.SortedMap;

/**
 * A workload in the mesh, whatever kind declared it ({@code LatticeService} or {@code
 * LatticeMeshMember}): its identity, which pods it is, the ports it serves. The policy emitters see
 * only members and edges, so a new workload kind never touches them.
 *
 * @param selector pod labels that select it; empty means every pod of the namespace
 * @param openings the target ports reachable from outside the mesh, by port then way
 * @param routes a service's {@code spec.ingress} routes, by name; its namespace's gateway sends to them
 */
public record MemberPlan(
    ObjectRef ref,
    Origin origin,
    String serviceAccount,
    SortedMap<String, String> selector,
    boolean ambient,
    List<PortPlan> ports,
    List<Opening> openings,
    List<IngressRoute> routes,
    SourcedObject source) {

  public MemberPlan {
    selector = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(selector));
    ports = List.copyOf(ports);
    openings = openings.stream().sorted(java.util.Comparator.comparingInt(Opening::targetPort)
        .thenComparing(Opening::protocol).thenComparing(Opening::way)).distinct().toList();
    routes = routes.stream().sorted(java.util.Comparator.comparing(IngressRoute::name)).toList();
  }

  /** The target ports its ingress routes send to (all TCP), sorted and distinct. */
  public List<Integer> routedTcpPorts() {
    return routes.stream().map(r -> r.port().targetPort()).distinct().sorted().toList();
  }

  /** The TCP target ports (what ztunnel carries), sorted and distinct. */
  public List<Integer> tcpTargetPorts() {
    return ports.stream().filter(p -> p.protocol().equals("TCP")).map(PortPlan::targetPort).distinct().sorted().toList();
  }

  /** The TCP target ports its ways in from outside the mesh open, sorted and distinct. */
  public List<Integer> openedTcpPorts() {
    return openings.stream().filter(o -> o.protocol().equals("TCP")).map(Opening::targetPort).distinct().sorted().toList();
  }

  /** The TCP target ports that accept plaintext: the opened ones and its metrics port, sorted and distinct. */
  public List<Integer> plaintextTcpPorts() {
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>(openedTcpPorts());
    metricsPort().ifPresent(p -> out.add(p.targetPort()));
    return List.copyOf(out);
  }

  /** The kind of document a member came from. */
  public enum Origin {
    SERVICE,
    MESH_MEMBER
  }

  /** The target ports (container ports), sorted and distinct. */
  public List<Integer> targetPorts() {
    return ports.stream().map(PortPlan::targetPort).distinct().sorted().toList();
  }

  /** The port a service's metrics are scraped on: its TCP port named {@code metrics}, if any. */
  public java.util.Optional<PortPlan> metricsPort() {
    return origin != Origin.SERVICE ? java.util.Optional.empty() : ports.stream()
        .filter(p -> p.name().equals(dev.lattice.compiler.platform.MetricsScraper.PORT_NAME) && p.protocol().equals("TCP"))
        .findFirst();
  }

  /** The SPIFFE identity without the {@code spiffe://} prefix. */
  public String principal(String trustDomain) {
    return trustDomain + "/ns/" + ref.namespace() + "/sa/" + serviceAccount;
  }
}

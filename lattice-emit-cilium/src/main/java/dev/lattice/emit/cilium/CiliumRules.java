package dev.lattice.emit.cilium;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.PortPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** The building blocks shared by the per-member and the clusterwide policies. */
final class CiliumRules {
  /** The pod-namespace label Cilium attaches to every pod endpoint. */
  static final String NAMESPACE_LABEL = "k8s:io.kubernetes.pod.namespace";
  /** The ambient mesh's HBONE port: ztunnel-to-ztunnel traffic reaches the callee pod here. */
  static final int HBONE_PORT = 15008;
  /** Where kubelet probes of ambient pods come from (istio-cni SNATs them to this address). */
  static final String AMBIENT_PROBE_CIDR = "169.254.7.127/32";
  /** Cilium accepts at most 40 ports in one {@code toPorts} entry. */
  static final int MAX_PORTS_PER_ENTRY = 40;

  private static final String TCP = "TCP";

  private CiliumRules() {}

  /** An L4 port and its protocol, ordered by port then protocol. */
  record L4Port(int port, String protocol) implements Comparable<L4Port> {
    private static final Comparator<L4Port> ORDER = Comparator.comparingInt(L4Port::port)
        .thenComparing(L4Port::protocol);

    static L4Port tcp(int port) {
      return new L4Port(port, TCP);
    }

    boolean isTcp() {
      return protocol.equals(TCP);
    }

    @Override
    public int compareTo(L4Port o) {
      return ORDER.compare(this, o);
    }
  }

  /** A member's container ports with their protocols, distinct and sorted. */
  static List<L4Port> targetPorts(MemberPlan member) {
    TreeSet<L4Port> ports = new TreeSet<>();
    for (PortPlan p : member.ports()) {
      ports.add(new L4Port(p.targetPort(), p.protocol()));
    }
    return List.copyOf(ports);
  }

  /**
   * The ports an agreed edge opens at L4. Between two ambient members the bytes travel over HBONE,
   * so it is 15008/TCP, plus the callee's non-TCP target ports, which ztunnel does not capture.
   * Otherwise it is the callee's target ports. Empty when the callee serves no port: the edge then
   * opens nothing.
   */
  static List<L4Port> edgePorts(MemberPlan caller, MemberPlan callee) {
    List<L4Port> target = targetPorts(callee);
    if (target.isEmpty() || !(caller.ambient() && callee.ambient())) {
      return target;
    }
    TreeSet<L4Port> ports = new TreeSet<>();
    ports.add(L4Port.tcp(HBONE_PORT));
    target.stream().filter(p -> !p.isTcp()).forEach(ports::add);
    return List.copyOf(ports);
  }

  /** An endpoint selector for a member's pods seen from any namespace: its labels plus its namespace. */
  static ObjectNode peer(MemberPlan member) {
    TreeMap<String, String> labels = new TreeMap<>(member.selector());
    labels.put(NAMESPACE_LABEL, member.ref().namespace());
    ObjectNode selector = Json.object();
    selector.set("matchLabels", Json.sortedMap(labels));
    return selector;
  }

  /** A one-element array holding {@code node}. */
  static ArrayNode single(ObjectNode node) {
    ArrayNode a = Json.array();
    a.add(node);
    return a;
  }

  /** {@code toPorts}: the ports in entries of at most {@link #MAX_PORTS_PER_ENTRY}. */
  static ArrayNode toPorts(Collection<L4Port> ports) {
    ArrayNode entries = Json.array();
    List<L4Port> sorted = new ArrayList<>(new TreeSet<>(ports));
    for (int i = 0; i < sorted.size(); i += MAX_PORTS_PER_ENTRY) {
      ArrayNode list = entries.addObject().putArray("ports");
      for (L4Port p : sorted.subList(i, Math.min(sorted.size(), i + MAX_PORTS_PER_ENTRY))) {
        list.addObject().put("port", Integer.toString(p.port())).put("protocol", p.protocol());
      }
    }
    return entries;
  }

  /** {@code enableDefaultDeny} for both directions. */
  static ObjectNode defaultDeny() {
    ObjectNode o = Json.object();
    o.put("ingress", true);
    o.put("egress", true);
    return o;
  }

  /**
   * Egress to kube-dns on 53/UDP and 53/TCP through Cilium's DNS proxy ({@code matchPattern: "*"}),
   * which lets {@code toFQDNs} rules learn the addresses of the names they allow.
   */
  static ObjectNode dnsEgress() {
    ObjectNode rule = Json.object();
    TreeMap<String, String> kubeDns = new TreeMap<>();
    kubeDns.put(NAMESPACE_LABEL, "kube-system");
    kubeDns.put("k8s-app", "kube-dns");
    ObjectNode selector = Json.object();
    selector.set("matchLabels", Json.sortedMap(kubeDns));
    rule.set("toEndpoints", single(selector));
    ObjectNode entry = Json.object();
    ArrayNode ports = entry.putArray("ports");
    ports.addObject().put("port", "53").put("protocol", "UDP");
    ports.addObject().put("port", "53").put("protocol", TCP);
    entry.putObject("rules").putArray("dns").addObject().put("matchPattern", "*");
    rule.set("toPorts", single(entry));
    return rule;
  }
}

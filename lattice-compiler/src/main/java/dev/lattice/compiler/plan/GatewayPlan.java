package dev.lattice.compiler.plan;

import dev.lattice.document.ObjectNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one Gateway API {@code Gateway} of a namespace whose services declare {@code spec.ingress}:
 * its listeners (one per protocol, port and host name, shared by the routes that need it), the
 * routes attached to them, and the conflicts the listeners cannot hold (two TCP routes on one port,
 * a TCP route on the HTTP or TLS port, one host with two certificates, one host on 443 both
 * terminated and passed through).
 *
 * <p>Istio's automated deployment runs a {@code Gateway} named {@code <gw>} of class {@code istio}
 * as Deployment, Service and ServiceAccount {@code <gw>-istio} (the name plus the class name), and
 * labels its pods {@code gateway.networking.k8s.io/gateway-name: <gw>} (istio/istio
 * {@code pilot/pkg/config/kube/gatewaycommon/gateway_utils.go} {@code GetDefaultName},
 * {@code manifests/charts/istio-control/istio-discovery/files/kube-gateway.yaml}). So the gateway's
 * identity is {@code <trustDomain>/ns/<ns>/sa/<gw>-istio} and its pods are selected by that label.
 *
 * @param listeners sorted by name
 * @param routes sorted by member, then route name
 */
public record GatewayPlan(String namespace, String name, List<Listener> listeners, List<Attachment> routes,
    List<Conflict> conflicts) {
  /** The GatewayClass Istio installs. */
  public static final String CLASS = "istio";
  /** The pod label Istio's gateway Deployment selects its pods by. */
  public static final String NAME_LABEL = "gateway.networking.k8s.io/gateway-name";
  /** The longest gateway name whose derived {@code <gw>-istio} Service name is still a DNS label. */
  static final int MAX_NAME = ObjectNames.MAX - CLASS.length() - 1;

  public GatewayPlan {
    listeners = List.copyOf(listeners);
    routes = List.copyOf(routes);
    conflicts = List.copyOf(conflicts);
  }

  /** A listener: {@code HTTP}, {@code HTTPS}, {@code TLS} (passthrough) or {@code TCP} on a port, for a host or any. */
  public record Listener(String name, String protocol, int port, Optional<String> hostname, Optional<IngressRoute.Tls> tls) {}

  /** A route of {@code member} and the names of the listeners it attaches to. */
  public record Attachment(MemberPlan member, IngressRoute route, List<String> listeners) {
    /** The route document's name, {@code <member>-<route>}. */
    public String documentName() {
      return ObjectNames.derived(member.ref().name(), route.name());
    }
  }

  /** A route the listeners cannot hold, and why. */
  public record Conflict(MemberPlan member, String route, String message) {}

  /** {@code <namespace>-ingress}, shortened so that Istio's {@code <gw>-istio} stays a DNS label. */
  public static String nameFor(String namespace) {
    return ObjectNames.bounded(namespace + "-ingress", MAX_NAME);
  }

  /** The ServiceAccount Istio runs the gateway's pods as: {@code <gw>-istio}. */
  public String serviceAccount() {
    return name + "-" + CLASS;
  }

  /** The gateway's SPIFFE identity without {@code spiffe://}. */
  public String principal(String trustDomain) {
    return trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount();
  }

  /** The labels that select the gateway's pods. */
  public SortedMap<String, String> selector() {
    return new TreeMap<>(Map.of(NAME_LABEL, name));
  }

  /** The listener ports, sorted and distinct. */
  public List<Integer> listenerPorts() {
    return listeners.stream().map(Listener::port).distinct().sorted().toList();
  }

  /** The routes sending to {@code member}. */
  public List<Attachment> routesTo(MemberPlan member) {
    return routes.stream().filter(a -> a.member().ref().equals(member.ref())).toList();
  }

  /** The gateway of {@code namespace}'s members' routes; empty when none declares one. */
  static Optional<GatewayPlan> of(String namespace, Collection<MemberPlan> members) {
    List<MemberPlan> routed = members.stream().filter(m -> !m.routes().isEmpty())
        .sorted(Comparator.comparing(MemberPlan::ref)).toList();
    if (routed.isEmpty()) {
      return Optional.empty();
    }
    TreeMap<String, Listener> listeners = new TreeMap<>();
    List<Attachment> attachments = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    TreeMap<Integer, String> portProtocol = new TreeMap<>();
    TreeMap<String, String> hostProtocol = new TreeMap<>();
    for (MemberPlan member : routed) {
      for (IngressRoute route : member.routes()) {
        String protocol = route.listenerProtocol();
        int port = route.listenerPort();
        String onPort = portProtocol.putIfAbsent(port, protocol);
        if (onPort != null && (protocol.equals("TCP") || onPort.equals("TCP")) && !onPort.equals(protocol)) {
          conflicts.add(new Conflict(member, route.name(), "a " + protocol + " listener on port " + port
              + " would share it with a " + onPort + " listener of the same gateway"));
          continue;
        }
        List<Optional<String>> hosts = route.hosts().isEmpty() || protocol.equals("TCP")
            ? List.of(Optional.empty()) : route.hosts().stream().map(Optional::of).toList();
        List<String> names = new ArrayList<>();
        for (Optional<String> host : hosts) {
          String listenerName = protocol.toLowerCase(java.util.Locale.ROOT)
              + (protocol.equals("TCP") ? "-" + port : host.map(h -> "-" + h.replace("*", "wildcard")).orElse(""));
          Listener wanted = new Listener(listenerName, protocol, port, host, route.tls());
          String sameHost = hostProtocol.putIfAbsent(port + " " + host.orElse("*"), protocol);
          if (sameHost != null && !sameHost.equals(protocol)) {
            conflicts.add(new Conflict(member, route.name(), "host " + host.orElse("*") + " on port " + port + " is routed as "
                + sameHost + " by another route of namespace " + namespace + ": one listener per host and port"));
            continue;
          }
          Listener held = listeners.putIfAbsent(listenerName, wanted);
          if (held != null && protocol.equals("TCP")) {
            conflicts.add(new Conflict(member, route.name(), "TCP port " + port + " is routed already by another route "
                + "of namespace " + namespace + ": plain TCP has no host name to tell them apart"));
            continue;
          }
          if (held != null && !held.tls().equals(wanted.tls())) {
            conflicts.add(new Conflict(member, route.name(), "host " + host.orElse("*") + " has other TLS settings in "
                + "another route of namespace " + namespace + ": one listener holds one certificate"));
            continue;
          }
          names.add(listenerName);
        }
        if (!names.isEmpty()) {
          attachments.add(new Attachment(member, route, names));
        }
      }
    }
    return Optional.of(new GatewayPlan(namespace, nameFor(namespace), List.copyOf(listeners.values()), attachments,
        conflicts));
  }
}

package dev.lattice.emit.cilium;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.GatewayPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.Opening;
import dev.lattice.emit.cilium.CiliumRules.L4Port;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ingress gateway's pods at L4: a namespace's {@code CiliumNetworkPolicy <gw>} selecting {@code
 * gateway.networking.k8s.io/gateway-name: <gw>}, default deny both ways; ingress from the entities
 * a load balancer's clients arrive as ({@code host}, {@code remote-node}, {@code world}, as for
 * {@link Opening.Way#LOAD_BALANCER}: Istio gives the default class's gateway a LoadBalancer Service,
 * istio/istio pilot/pkg/config/kube/gatewaycommon/classinfo.go) on the listener
 * ports; egress to istiod on 15012 (configuration and certificates: the gateway runs its own Envoy and
 * agent), to each routed service's pods ({@link #backendPorts}) and to kube-dns.
 */
final class GatewayPolicy {
  /** istiod's pod labels and its xDS/CA port (istio/istio manifests/charts/istio-control/istio-discovery). */
  static final Map<String, String> ISTIOD = Map.of("app", "istiod", CiliumRules.NAMESPACE_LABEL, "istio-system");
  static final int ISTIOD_PORT = 15012;

  private GatewayPolicy() {}

  static Document of(FleetPlan plan, GatewayPlan gateway) {
    // no app.kubernetes.io/name: no one service owns the namespace's gateway
    return Json.document(MemberPolicy.API_VERSION, MemberPolicy.KIND, Optional.of(gateway.namespace()), gateway.name(),
        Map.of(), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.putObject("endpointSelector").set("matchLabels", Json.sortedMap(gateway.selector()));
          spec.set("enableDefaultDeny", CiliumRules.defaultDeny());
          ObjectNode in = Json.object();
          in.set("fromEntities", Json.strings(Opening.Way.LOAD_BALANCER.entities()));
          in.set("toPorts", CiliumRules.toPorts(gateway.listenerPorts().stream().map(L4Port::tcp).toList()));
          spec.set("ingress", CiliumRules.single(in));
          ArrayNode egress = spec.putArray("egress");
          ObjectNode istiod = Json.object();
          istiod.set("matchLabels", Json.sortedMap(ISTIOD));
          ObjectNode control = egress.addObject();
          control.set("toEndpoints", CiliumRules.single(istiod));
          control.set("toPorts", CiliumRules.toPorts(List.of(L4Port.tcp(ISTIOD_PORT))));
          TreeMap<String, MemberPlan> backends = new TreeMap<>();
          gateway.routes().forEach(a -> backends.put(a.member().ref().toString(), a.member()));
          backends.values().forEach(member -> {
            ObjectNode rule = egress.addObject();
            rule.set("toEndpoints", CiliumRules.single(CiliumRules.peer(member)));
            rule.set("toPorts", CiliumRules.toPorts(backendPorts(member)));
          });
          egress.add(CiliumRules.dnsEgress());
        });
  }

  /**
   * What the gateway's bytes to a routed member use at L4: HBONE (15008) to an ambient member — the
   * gateway is not captured by ztunnel (Istio labels its pods {@code istio.io/dataplane-mode: none},
   * istio/istio {@code pilot/pkg/config/kube/gatewaycommon/deploymentcontroller.go}) but its Envoy
   * tunnels to ambient pods itself ({@code PILOT_ENABLE_SENDING_HBONE}, on with ambient:
   * istio/istio {@code pilot/pkg/features/ambient.go}; istio/istio#43587) — else the routed target
   * ports. ztunnel then admits only the routed ports for the gateway's principal.
   */
  static List<L4Port> backendPorts(MemberPlan member) {
    if (member.ambient()) {
      return List.of(L4Port.tcp(CiliumRules.HBONE_PORT));
    }
    TreeSet<L4Port> ports = new TreeSet<>();
    member.routedTcpPorts().forEach(p -> ports.add(L4Port.tcp(p)));
    return List.copyOf(ports);
  }
}

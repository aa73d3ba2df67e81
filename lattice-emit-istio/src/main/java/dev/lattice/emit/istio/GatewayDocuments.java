package dev.lattice.emit.istio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.document.ObjectNames;
import dev.lattice.compiler.plan.GatewayPlan;
import dev.lattice.compiler.plan.IngressRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A namespace's ingress through the Gateway API, implemented by Istio (class {@code istio}): the
 * shared {@code Gateway <ns>-ingress} with one listener per protocol, port and host, one route per
 * declared route ({@code HTTPRoute}, {@code GRPCRoute}, {@code TCPRoute}, {@code TLSRoute}, named
 * {@code <service>-<route>}, attached to its listeners by {@code sectionName}), a cert-manager
 * {@code Certificate} per terminating listener whose route names an issuer, and {@code
 * allow-to-<gw>}, which lets clients reach the listener ports: the mesh-wide deny-all in the root
 * namespace applies to the gateway's Envoy too
 * (https://istio.io/latest/docs/reference/config/security/authorization-policy/).
 *
 * <p>The routes carry their service's {@code app.kubernetes.io/name} (the service owns them); the
 * namespace-wide documents carry none, since no one service owns them (the controller's ownership
 * reads that label).
 */
final class GatewayDocuments {
  static final String GATEWAY_API = "gateway.networking.k8s.io/v1";
  static final String CERT_MANAGER = "cert-manager.io/v1";

  private GatewayDocuments() {}

  static List<Document> of(GatewayPlan gateway) {
    List<Document> out = new ArrayList<>();
    out.add(gatewayDocument(gateway));
    gateway.routes().forEach(a -> out.add(route(gateway, a)));
    gateway.listeners().forEach(l -> certificate(gateway, l).ifPresent(out::add));
    out.add(allowToGateway(gateway));
    return out;
  }

  private static Document gatewayDocument(GatewayPlan gateway) {
    return Json.document(GATEWAY_API, "Gateway", Optional.of(gateway.namespace()), gateway.name(), Map.of(), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.put("gatewayClassName", GatewayPlan.CLASS);
          ArrayNode listeners = spec.putArray("listeners");
          for (GatewayPlan.Listener l : gateway.listeners()) {
            ObjectNode listener = listeners.addObject();
            listener.put("name", l.name());
            l.hostname().ifPresent(h -> listener.put("hostname", h));
            listener.put("port", l.port());
            listener.put("protocol", l.protocol());
            if (l.protocol().equals("HTTPS")) {
              ObjectNode tls = listener.putObject("tls");
              tls.put("mode", "Terminate");
              tls.putArray("certificateRefs").addObject().put("kind", "Secret").put("name", secretName(gateway, l));
            } else if (l.protocol().equals("TLS")) {
              listener.putObject("tls").put("mode", "Passthrough");
            }
            // routes of other namespaces never attach: each namespace has its own gateway
            listener.putObject("allowedRoutes").putObject("namespaces").put("from", "Same");
          }
        });
  }

  private static Document route(GatewayPlan gateway, GatewayPlan.Attachment a) {
    IngressRoute route = a.route();
    String service = a.member().ref().name();
    return Json.document(GATEWAY_API, route.kind().wire(), Optional.of(gateway.namespace()), a.documentName(),
        Map.of(Json.NAME_LABEL, ObjectNames.bounded(service)), body -> {
          ObjectNode spec = body.putObject("spec");
          ArrayNode parents = spec.putArray("parentRefs");
          a.listeners().forEach(l -> parents.addObject().put("name", gateway.name()).put("sectionName", l));
          if (!route.hosts().isEmpty()) {
            spec.set("hostnames", Json.strings(route.hosts()));
          }
          ObjectNode rule = spec.putArray("rules").addObject();
          if (!route.paths().isEmpty()) {
            ArrayNode matches = rule.putArray("matches");
            route.paths().forEach(p -> matches.addObject().putObject("path").put("type", "PathPrefix").put("value", p));
          }
          rule.putArray("backendRefs").addObject().put("name", service).put("port", route.port().port());
        });
  }

  private static Optional<Document> certificate(GatewayPlan gateway, GatewayPlan.Listener l) {
    if (!l.protocol().equals("HTTPS") || l.hostname().isEmpty()) {
      return Optional.empty();
    }
    IngressRoute.Tls tls = l.tls().orElseThrow();
    if (tls.issuerName().isEmpty()) {
      return Optional.empty(); // an existing secret: nothing to issue
    }
    String name = ObjectNames.bounded(gateway.name() + "-" + l.name());
    return Optional.of(Json.document(CERT_MANAGER, "Certificate", Optional.of(gateway.namespace()), name, Map.of(), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.set("dnsNames", Json.strings(List.of(l.hostname().get())));
          spec.putObject("issuerRef").put("group", "cert-manager.io").put("kind", tls.issuerKind())
              .put("name", tls.issuerName().get());
          spec.put("secretName", secretName(gateway, l));
        }));
  }

  /** The listener's certificate Secret: the route's {@code secretName}, else {@code <gw>-<listener>} for cert-manager to fill. */
  static String secretName(GatewayPlan gateway, GatewayPlan.Listener l) {
    return l.tls().flatMap(IngressRoute.Tls::secretName)
        .orElseGet(() -> ObjectNames.bounded(gateway.name() + "-" + l.name()));
  }

  /**
   * {@code allow-to-<gw>}: any client to the listener ports of the gateway's pods. Gateway listeners
   * take plain HTTP or their own TLS, which PeerAuthentication does not govern; the pods are not
   * captured by ztunnel, so the gateway's Envoy enforces this policy itself.
   */
  private static Document allowToGateway(GatewayPlan gateway) {
    String name = ObjectNames.bounded("allow-to-" + gateway.name());
    return Json.document(AuthorizationPolicies.SECURITY, AuthorizationPolicies.AUTHORIZATION_POLICY,
        Optional.of(gateway.namespace()), name, Map.of(), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.putObject("selector").set("matchLabels", Json.sortedMap(gateway.selector()));
          spec.put("action", "ALLOW");
          spec.putArray("rules").addObject().putArray("to").addObject().putObject("operation")
              .set("ports", Json.strings(gateway.listenerPorts().stream().map(String::valueOf).toList()));
        });
  }
}

package dev.lattice.model.validate;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.service.IngressSpec;
import dev.lattice.model.service.LatticeServiceSpec;
import dev.lattice.model.service.PortSpec;
import dev.lattice.model.service.ServicePortsSpec;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Single-document checks of {@code spec.ingress}: a known route kind, a TCP port the route can send
 * to, host names a Gateway listener accepts, paths, and TLS that names where its certificate comes
 * from. Fields that do not apply to a route's kind (a TCP route's hosts, a TLS passthrough route's
 * certificate) are read and reported as not compiled ({@code LAT1030}).
 */
final class IngressRules {
  /** Gateway API's Hostname: a DNS subdomain, optionally with one leading {@code *.} label. */
  private static final Pattern HOSTNAME =
      Pattern.compile("(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final Findings f;

  IngressRules(Findings f) {
    this.f = f;
  }

  void check(LatticeServiceSpec spec, IngressSpec ingress) {
    Map<String, PortSpec> ports = spec.workload().service().map(ServicePortsSpec::ports).orElse(Map.of());
    ingress.routes().forEach((name, route) -> route(Findings.child("spec.ingress.routes", name), route, ports));
  }

  private void route(String at, IngressSpec.Route route, Map<String, PortSpec> ports) {
    String kind = route.kindOrDefault();
    if (!IngressSpec.KINDS.contains(kind)) {
      f.error(Codes.INVALID_VALUE, at + ".kind", "route kind '" + kind + "' is not one of " + String.join(", ", IngressSpec.KINDS),
          "leave kind out for an HTTPRoute");
      return;
    }
    port(at, route, ports);
    for (int i = 0; i < route.hosts().size(); i++) {
      String host = route.hosts().get(i);
      if (host.length() > 253 || !HOSTNAME.matcher(host).matches()) {
        f.error(Codes.INVALID_NAME, at + ".hosts[" + i + "]", "'" + host + "' is not a host name a Gateway listener accepts",
            "lower-case DNS names, optionally starting with '*.'; no IP addresses");
      }
    }
    boolean http = kind.equals("HTTPRoute");
    for (int i = 0; i < route.paths().size(); i++) {
      String path = route.paths().get(i);
      if (!http) {
        f.warning(Codes.INGRESS_NOT_COMPILED, at + ".paths", "paths are read but not compiled for a " + kind
            + ": only an HTTPRoute matches request paths, so the route takes every request", "remove paths, or use kind: HTTPRoute");
        break;
      }
      if (!path.startsWith("/")) {
        f.error(Codes.INVALID_VALUE, at + ".paths[" + i + "]", "path '" + path + "' does not start with '/'", "write it as /" + path);
      }
    }
    switch (kind) {
      case "TCPRoute" -> {
        if (!route.hosts().isEmpty()) {
          f.warning(Codes.INGRESS_NOT_COMPILED, at + ".hosts", "hosts are read but not compiled for a TCPRoute: plain TCP "
              + "carries no host name, so the listener takes every connection on its port", "remove hosts, or use kind: TLSRoute");
        }
        route.tls().ifPresent(t -> f.warning(Codes.INGRESS_NOT_COMPILED, at + ".tls", "tls is read but not compiled for a "
            + "TCPRoute: the gateway passes the bytes through", "use kind: TLSRoute for TLS the service terminates"));
      }
      case "TLSRoute" -> {
        if (route.hosts().isEmpty()) {
          f.error(Codes.MISSING_FIELD, at + ".hosts", "a TLSRoute needs hosts: the gateway routes TLS by its server name",
              "add hosts: [name.example.com]");
        }
        route.tls().ifPresent(t -> f.warning(Codes.INGRESS_NOT_COMPILED, at + ".tls", "tls is read but not compiled for a "
            + "TLSRoute: the gateway passes TLS through and the service presents its own certificate",
            "remove tls, or use kind: HTTPRoute to terminate TLS at the gateway"));
      }
      default -> route.tls().ifPresent(t -> tls(at + ".tls", route, t));
    }
  }

  private void port(String at, IngressSpec.Route route, Map<String, PortSpec> ports) {
    Set<String> names = new TreeSet<>(ports.keySet());
    var name = route.portName(names);
    if (name.isEmpty()) {
      if (route.port().isPresent()) {
        f.error(Codes.INVALID_VALUE, at + ".port", "port '" + route.port().get() + "' names no port of spec.workload.service.ports",
            names.isEmpty() ? "declare the port under spec.workload.service.ports" : "one of: " + String.join(", ", names));
      } else {
        f.error(Codes.MISSING_FIELD, at, "the route names no port and the service has " + (names.isEmpty() ? "none"
            : "no single port and none named http"), "add port: <one of spec.workload.service.ports>");
      }
      return;
    }
    PortSpec port = ports.get(name.get());
    if (!port.protocol().wire().equals("TCP")) {
      f.error(Codes.INVALID_VALUE, route.port().isPresent() ? at + ".port" : at, "port '" + name.get() + "' is "
          + port.protocol().wire() + ": a gateway routes TCP only", "route a TCP port");
    }
  }

  private void tls(String at, IngressSpec.Route route, IngressSpec.Tls tls) {
    if (tls.issuerRef().isEmpty() && tls.secretName().isEmpty()) {
      f.error(Codes.MISSING_FIELD, at, "tls names neither issuerRef (a cert-manager issuer) nor secretName (an existing "
          + "certificate)", "add issuerRef: {name: <issuer>}");
    }
    tls.issuerRef().ifPresent(i -> {
      String kind = i.kindOrDefault();
      if (!kind.equals("Issuer") && !kind.equals("ClusterIssuer")) {
        f.error(Codes.INVALID_VALUE, at + ".issuerRef.kind", "issuer kind '" + kind + "' is not Issuer or ClusterIssuer", null);
      }
    });
    tls.secretName().ifPresent(s -> KubernetesNames.subdomain(s).ifPresent(why ->
        f.error(Codes.INVALID_NAME, at + ".secretName", "invalid secret name '" + s + "': " + why, null)));
    if (route.hosts().isEmpty()) {
      f.error(Codes.MISSING_FIELD, at, "tls needs hosts: the gateway picks the certificate by server name and the "
          + "certificate names the hosts", "add hosts: [name.example.com]");
    }
  }
}

package dev.lattice.model.service;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes that expose the service outside the cluster, by name. */
public record IngressSpec(Map<String, Route> routes) {
  public IngressSpec {
    routes = Values.map(routes);
  }

  /** The Gateway API route kinds a route may name. */
  public static final List<String> KINDS = List.of("HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute");

  /** Host names, optional paths and port name, TLS, and the Gateway API route kind (HTTPRoute by default). */
  public record Route(
      Optional<String> kind, List<String> hosts, List<String> paths, Optional<String> port, Optional<Tls> tls) {
    public Route {
      kind = Values.opt(kind);
      hosts = Values.list(hosts);
      paths = Values.list(paths);
      port = Values.opt(port);
      tls = Values.opt(tls);
    }

    /** The route kind, {@code HTTPRoute} when absent. */
    public String kindOrDefault() {
      return kind.orElse("HTTPRoute");
    }

    /**
     * The name of the service port the route sends to: {@code port}, else the service's only port,
     * else its port named {@code http}; empty when none of these exists among {@code portNames}.
     */
    public Optional<String> portName(java.util.Set<String> portNames) {
      if (port.isPresent()) {
        return port.filter(portNames::contains);
      }
      if (portNames.size() == 1) {
        return Optional.of(portNames.iterator().next());
      }
      return portNames.contains("http") ? Optional.of("http") : Optional.empty();
    }
  }

  /** TLS from a cert-manager issuer or an existing secret. */
  public record Tls(Optional<IssuerRef> issuerRef, Optional<String> secretName) {
    public Tls {
      issuerRef = Values.opt(issuerRef);
      secretName = Values.opt(secretName);
    }
  }

  /** A cert-manager issuer. */
  public record IssuerRef(@Required String name, Optional<String> kind) {
    public IssuerRef {
      kind = Values.opt(kind);
    }

    /** The issuer kind, cert-manager's default {@code Issuer} when absent. */
    public String kindOrDefault() {
      return kind.orElse("Issuer");
    }
  }
}

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
  }
}

package dev.lattice.compiler.plan;

import java.util.List;
import java.util.Optional;

/**
 * One route of a service's {@code spec.ingress}, resolved: its kind, hosts, paths, the service port
 * it sends to, and where a terminating listener's certificate comes from.
 *
 * @param name the route's key in {@code spec.ingress.routes}
 * @param port the service port the gateway sends to (its {@code targetPort} is what the pods serve)
 */
public record IngressRoute(String name, Kind kind, List<String> hosts, List<String> paths, PortPlan port, Optional<Tls> tls) {
  /** The HTTP listener port, where Gateway API clients expect plain HTTP. */
  public static final int HTTP_PORT = 80;
  /** The HTTPS and TLS listener port. */
  public static final int TLS_PORT = 443;

  public IngressRoute {
    hosts = hosts.stream().distinct().sorted().toList();
    paths = paths.stream().distinct().sorted().toList();
    tls = kind.terminates() ? tls : Optional.empty();
  }

  /** A Gateway API route kind and the listener protocols it attaches to. */
  public enum Kind {
    HTTP("HTTPRoute", "HTTP", "HTTPS"),
    GRPC("GRPCRoute", "HTTP", "HTTPS"),
    TCP("TCPRoute", "TCP", "TCP"),
    TLS("TLSRoute", "TLS", "TLS");

    private final String wire;
    private final String plain;
    private final String secure;

    Kind(String wire, String plain, String secure) {
      this.wire = wire;
      this.plain = plain;
      this.secure = secure;
    }

    /** The route's Kubernetes kind. */
    public String wire() {
      return wire;
    }

    /** Whether the gateway terminates TLS for this kind when the route declares {@code tls}. */
    boolean terminates() {
      return this == HTTP || this == GRPC;
    }

    /** The kind named {@code wire}. */
    public static Optional<Kind> of(String wire) {
      return java.util.Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }
  }

  /** A terminating listener's certificate: issued by cert-manager into {@code secretName}, or an existing secret. */
  public record Tls(Optional<String> issuerName, String issuerKind, Optional<String> secretName) {}

  /** The Gateway listener protocol: {@code HTTP}, {@code HTTPS}, {@code TLS} or {@code TCP}. */
  public String listenerProtocol() {
    return tls.isPresent() ? kind.secure : kind.plain;
  }

  /** The Gateway listener port: 80 for HTTP, 443 for HTTPS and TLS, the service port for TCP. */
  public int listenerPort() {
    return switch (listenerProtocol()) {
      case "HTTP" -> HTTP_PORT;
      case "TCP" -> port.port();
      default -> TLS_PORT;
    };
  }
}

package dev.lattice.model.mesh;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An external endpoint, parsed from {@code https://api.stripe.com}, {@code api.stripe.com:443},
 * {@code 10.0.0.5:5432} or {@code 10.0.0.0/24:5432}. The port defaults from the scheme (http 80,
 * https/grpcs 443).
 */
public record Endpoint(Optional<String> scheme, String host, int port) {
  private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://([^/:?#]+)(?::([0-9]+))?([/?#].*)?");
  private static final Pattern HOST_PORT = Pattern.compile("([^/:]+(?:/[0-9]{1,2})?):([0-9]+)");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9*]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?");
  private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})(/([0-9]{1,2}))?");

  /** Parses an endpoint; empty when it is neither a URL with a known port nor {@code host:port}. */
  public static Optional<Endpoint> parse(String text) {
    String t = text.strip();
    Matcher url = URL.matcher(t);
    if (url.matches()) {
      String scheme = url.group(1).toLowerCase(Locale.ROOT);
      Integer port = url.group(3) != null ? parsePort(url.group(3)) : defaultPort(scheme);
      return port == null || !validHost(url.group(2)) ? Optional.empty()
          : Optional.of(new Endpoint(Optional.of(scheme), url.group(2).toLowerCase(Locale.ROOT), port));
    }
    Matcher hp = HOST_PORT.matcher(t);
    if (hp.matches()) {
      Integer port = parsePort(hp.group(2));
      return port == null || !validHost(hp.group(1)) ? Optional.empty()
          : Optional.of(new Endpoint(Optional.empty(), hp.group(1).toLowerCase(Locale.ROOT), port));
    }
    return Optional.empty();
  }

  /** Whether the host is an IPv4 address or CIDR rather than a DNS name. */
  public boolean isAddress() {
    return IPV4.matcher(host).matches();
  }

  /** The host as a CIDR: {@code 10.0.0.5/32} for an address; the CIDR itself otherwise. */
  public String cidr() {
    return host.contains("/") ? host : host + "/32";
  }

  /** The Istio port protocol: HTTP for http, TLS for https and grpcs, TCP otherwise. */
  public String protocol() {
    String s = scheme.orElse("");
    if (s.equals("http")) {
      return "HTTP";
    }
    if (s.equals("https") || s.equals("grpcs") || s.equals("tls") || port == 443) {
      return "TLS";
    }
    return "TCP";
  }

  private static boolean validHost(String host) {
    Matcher ip = IPV4.matcher(host);
    if (ip.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(ip.group(i)) > 255) {
          return false;
        }
      }
      return ip.group(6) == null || Integer.parseInt(ip.group(6)) <= 32;
    }
    return host.length() <= 253 && HOST.matcher(host).matches() && !host.contains("/");
  }

  private static Integer parsePort(String s) {
    try {
      int p = Integer.parseInt(s);
      return p >= 1 && p <= 65535 ? p : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer defaultPort(String scheme) {
    return switch (scheme) {
      case "http", "ws" -> 80;
      case "https", "wss", "grpcs", "tls" -> 443;
      default -> null;
    };
  }
}

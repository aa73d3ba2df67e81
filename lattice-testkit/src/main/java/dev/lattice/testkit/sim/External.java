package dev.lattice.testkit.sim;

import java.util.Locale;
import java.util.Objects;

/**
 * A peer outside the cluster: a DNS name or an IPv4 address, and a TCP port.
 *
 * <p>A name is matched only by {@code toFQDNs}, entities and the kube-apiserver/host address sets
 * of {@link SimulatorOptions}; an address only by CIDR rules, entities and those sets (the
 * simulator does not resolve names).
 *
 * @param address a fully qualified host name or an IPv4 literal
 * @param port the destination (or, for inbound traffic, irrelevant source) port
 */
public record External(String address, int port) {

  /** Validates and normalises the address (lower case, no trailing dot). */
  public External {
    Objects.requireNonNull(address, "address");
    address = address.trim().toLowerCase(Locale.ROOT);
    if (address.endsWith(".")) {
      address = address.substring(0, address.length() - 1);
    }
    if (address.isEmpty()) {
      throw new IllegalArgumentException("empty address");
    }
  }

  /** A host name target. */
  public static External host(String fqdn, int port) {
    return new External(fqdn, port);
  }

  /** An IPv4 target. */
  public static External ip(String ipv4, int port) {
    if (Cidr.parseAddress(ipv4) < 0) {
      throw new IllegalArgumentException("not an IPv4 address: " + ipv4);
    }
    return new External(ipv4, port);
  }

  /** Whether {@link #address()} is an IPv4 literal. */
  public boolean isIp() {
    return Cidr.parseAddress(address) >= 0;
  }

  @Override
  public String toString() {
    return address + ":" + port;
  }
}

package dev.lattice.emit.capi;

import dev.lattice.model.cluster.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Proxmox node address pool into CAPMOX's {@code ipv4Config} form: the seed's short range
 * {@code 10.0.0.151-155/24} becomes the address {@code 10.0.0.151-10.0.0.155} and prefix 24; listed
 * addresses pass through; the prefix comes from {@code prefix}, the range or a listed CIDR.
 */
record ProxmoxAddresses(List<String> addresses, Optional<Integer> prefix, String gateway) {

  static ProxmoxAddresses of(ProviderConfig.IpPool pool) {
    List<String> addresses = new ArrayList<>();
    Optional<Integer> prefix = pool.prefix();
    if (pool.range().isPresent()) {
      String range = pool.range().get().trim();
      int slash = range.indexOf('/');
      if (slash >= 0) {
        prefix = prefix.or(() -> parsePrefix(range.substring(slash + 1)));
      }
      addresses.add(expand(slash >= 0 ? range.substring(0, slash) : range));
    }
    for (String a : pool.addresses()) {
      addresses.add(a);
      int slash = a.indexOf('/');
      if (slash >= 0 && prefix.isEmpty()) {
        prefix = parsePrefix(a.substring(slash + 1));
      }
    }
    return new ProxmoxAddresses(List.copyOf(addresses), prefix, pool.gateway());
  }

  /** {@code 10.0.0.151-155} → {@code 10.0.0.151-10.0.0.155}; full ranges and single addresses unchanged. */
  static String expand(String range) {
    int dash = range.indexOf('-');
    if (dash < 0) {
      return range;
    }
    String from = range.substring(0, dash);
    String to = range.substring(dash + 1);
    if (to.contains(".") || to.contains(":")) {
      return range;
    }
    int lastDot = from.lastIndexOf('.');
    return lastDot < 0 ? range : from + "-" + from.substring(0, lastDot + 1) + to;
  }

  private static Optional<Integer> parsePrefix(String s) {
    try {
      int p = Integer.parseInt(s.trim());
      return p >= 1 && p <= 128 ? Optional.of(p) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

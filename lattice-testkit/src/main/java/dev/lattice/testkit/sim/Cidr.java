package dev.lattice.testkit.sim;

import java.util.Optional;

/** An IPv4 prefix. IPv6 prefixes are not modelled: they parse to nothing and match nothing. */
record Cidr(long network, int bits) {

  /** Parses {@code a.b.c.d/n} or a bare address (a /32). */
  static Optional<Cidr> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.trim().split("/", -1);
    if (parts.length > 2) {
      return Optional.empty();
    }
    long address = parseAddress(parts[0]);
    int bits = 32;
    if (parts.length == 2) {
      try {
        bits = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (address < 0 || bits < 0 || bits > 32) {
      return Optional.empty();
    }
    return Optional.of(new Cidr(address & mask(bits), bits));
  }

  /** The address as an unsigned 32-bit value, or -1 when it is not an IPv4 literal. */
  static long parseAddress(String text) {
    String[] octets = text.trim().split("\\.", -1);
    if (octets.length != 4) {
      return -1;
    }
    long value = 0;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int n = Integer.parseInt(octet);
      if (n > 255) {
        return -1;
      }
      value = (value << 8) | n;
    }
    return value;
  }

  boolean contains(long address) {
    return address >= 0 && (address & mask(bits)) == network;
  }

  private static long mask(int bits) {
    return bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
  }
}

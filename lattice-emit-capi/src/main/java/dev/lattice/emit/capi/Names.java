package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The naming scheme of cluster documents (see {@code package-info}): stable, readable names
 * shortened to 63 characters with a hash of the full name, and content-addressed names for the
 * immutable machine and bootstrap templates.
 */
final class Names {
  static final int MAX = 63;
  private static final int HASH = 8;

  private Names() {}

  /** {@code capi-<cluster>}. */
  static String namespace(String cluster) {
    return shorten("capi-" + cluster);
  }

  /** {@code <cluster>-control-plane}. */
  static String controlPlane(String cluster) {
    return shorten(cluster + "-control-plane");
  }

  /** {@code <cluster>-pool-<pool>}. */
  static String pool(String cluster, String pool) {
    return shorten(cluster + "-pool-" + pool);
  }

  /**
   * {@code <base>-<8 hex of SHA-256 of the template spec>}: templates are immutable in CAPI, so a
   * changed spec gets a new name (and a rollout) rather than an illegal in-place edit.
   */
  static String template(String base, JsonNode spec) {
    return shorten(base, MAX - HASH - 1) + "-" + hash(spec.toString());
  }

  /** The name itself when it fits in {@code max}, else its head and an 8-hex hash of the whole. */
  static String shorten(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    String head = name.substring(0, max - HASH - 1).replaceAll("[-.]+$", "");
    return head + "-" + hash(name);
  }

  static String shorten(String name) {
    return shorten(name, MAX);
  }

  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, HASH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }
}

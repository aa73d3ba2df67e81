package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.ObjectNames;

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
    return ObjectNames.bounded(name, max, HASH);
  }

  static String shorten(String name) {
    return shorten(name, MAX);
  }

  /** The compiler's one naming hash ({@link ObjectNames#hash}), 8 hex digits: CAPI names keep their length. */
  static String hash(String s) {
    return ObjectNames.hash(s, HASH);
  }
}

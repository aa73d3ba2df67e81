package dev.lattice.emit.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable names for derived objects: {@code <service>-<suffix>}, shortened to 63 characters with an
 * 8-character SHA-256 suffix of the full name when too long.
 */
final class Names {
  private Names() {}

  static String derived(String base, String suffix) {
    return shorten(base + "-" + suffix, 63);
  }

  static String shorten(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    String hash = hash(name);
    String head = name.substring(0, max - 9).replaceAll("[-.]+$", "");
    return head + "-" + hash;
  }

  /** A ConfigMap key for a file path: {@code /app/server.js} → {@code app_server.js}. */
  static String fileKey(String path) {
    String key = path.replaceAll("^/+", "").replaceAll("[^-._a-zA-Z0-9]", "_");
    return key.isEmpty() ? "file" : shorten(key, 253);
  }

  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }
}

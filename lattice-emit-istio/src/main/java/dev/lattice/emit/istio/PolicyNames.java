package dev.lattice.emit.istio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The naming scheme of this module (see {@link dev.lattice.emit.istio}): a name of at most 63
 * characters is kept as it is; a longer one keeps its first 52 characters (trailing {@code -} and
 * {@code .} trimmed) and gets {@code -} plus the first 10 hex digits of the SHA-256 of the whole
 * name, so it stays readable, stable across runs and distinct from other long names. 
 * {@code lattice-emit-cilium} holds the same scheme: emitters never depend on one another.
 */
final class PolicyNames {
  /** The longest name (and label value) emitted. */
  static final int MAX = 63;
  private static final int HASH = 10;

  private PolicyNames() {}

  /** {@code name} if it fits in {@link #MAX} characters, else its stable shortened form. */
  static String bounded(String name) {
    if (name.length() <= MAX) {
      return name;
    }
    String head = name.substring(0, MAX - HASH - 1).replaceAll("[-.]+$", "");
    return head + "-" + sha256(name).substring(0, HASH);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}

package dev.lattice.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 helper: digests and their lower-case hex, for names ({@link ObjectNames}),
 * content hashes, lock files and fingerprints. SHA-256 is required of every Java platform, so its
 * absence is an error of the platform, not of the input.
 */
public final class Sha256 {
  private Sha256() {}

  /** The 32-byte digest of {@code bytes}. */
  public static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** The whole digest of {@code bytes} as 64 hex digits. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  /** The first {@code length} hex digits of the digest of {@code text} (UTF-8). */
  public static String hex(String text, int length) {
    if (length < 0 || length > 64) {
      throw new IllegalArgumentException("a SHA-256 has 64 hex digits, not " + length);
    }
    return hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, length);
  }
}

package dev.lattice.document;

/**
 * The naming scheme every emitter uses: a name that fits is kept as it is; a longer one keeps its
 * head (trailing {@code -} and {@code .} trimmed) and ends in {@code -} plus the first 10 hex digits
 * of the SHA-256 of the whole name, so it stays readable, stable across runs and distinct from
 * other long names.
 */
public final class ObjectNames {
  /** The longest DNS label: names of most objects, and label values. */
  public static final int MAX = 63;
  private static final int HASH = 10;

  private ObjectNames() {}

  /** {@code name} if it fits in 63 characters, else its stable shortened form. */
  public static String bounded(String name) {
    return bounded(name, MAX);
  }

  /** {@code name} if it fits in {@code max} characters, else its stable shortened form. */
  public static String bounded(String name, int max) {
    return bounded(name, max, HASH);
  }

  /**
   * {@code name} if it fits in {@code max} characters, else its head (trailing {@code -}/{@code .}
   * dropped) and the first {@code hashLength} hex digits of the SHA-256 of the whole name.
   */
  public static String bounded(String name, int max, int hashLength) {
    if (name.length() <= max) {
      return name;
    }
    String head = name.substring(0, max - hashLength - 1).replaceAll("[-.]+$", "");
    return head + "-" + hash(name, hashLength);
  }

  /** {@code <base>-<suffix>}, bounded. */
  public static String derived(String base, String suffix) {
    return bounded(base + "-" + suffix);
  }

  /** The first {@code length} hex digits of the SHA-256 of {@code text}. */
  public static String hash(String text, int length) {
    return Sha256.hex(text, length);
  }
}

package dev.lattice.model.read;

/**
 * One shared instance per mapping key spelling ({@code name}, {@code port}, {@code containers}…),
 * so that the trees a reading keeps for positions hold each spelling once instead of once per
 * occurrence, and every lookup of a key finds its hash already computed. A fixed table indexed by
 * hash; a colliding spelling replaces the one in its slot (a miss costs one comparison). Shared by
 * every thread: a slot holds an immutable {@code String}, so a racing write loses nothing but a hit.
 */
final class KeyNames {
  private static final int SLOTS = 4096;
  private static final String[] TABLE = new String[SLOTS];

  private KeyNames() {}

  /** {@code key}, or an equal instance seen before. */
  static String canonical(String key) {
    if (key.length() > 64) {
      return key;
    }
    int h = key.hashCode();
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    String seen = TABLE[slot];
    if (seen != null && seen.equals(key)) {
      return seen;
    }
    TABLE[slot] = key;
    return key;
  }
}

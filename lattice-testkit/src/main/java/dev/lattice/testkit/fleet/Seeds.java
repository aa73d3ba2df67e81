package dev.lattice.testkit.fleet;

/**
 * The seed of a property run: {@code -Dlattice.seed=N} replays a failure; without it a fixed seed
 * keeps CI deterministic. Print it in every failure message.
 */
public final class Seeds {
  /** The seed CI uses when none is given. */
  public static final long DEFAULT = 20261123L;

  private Seeds() {}

  public static long base() {
    String s = System.getProperty("lattice.seed");
    if (s == null || s.isBlank()) {
      return DEFAULT;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-Dlattice.seed must be a number, not '" + s + "'", e);
    }
  }

  /** The seed of the {@code i}-th fleet of a run. */
  public static long of(long base, int i) {
    return base * 31 + i;
  }
}

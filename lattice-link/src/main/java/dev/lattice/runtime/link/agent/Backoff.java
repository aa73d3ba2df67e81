package dev.lattice.runtime.link.agent;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: attempt n waits a uniform draw from
 * [{@code base·2ⁿ/2}, {@code base·2ⁿ}], capped at {@code max}. The random source is injected, so a
 * seeded generator gives a reproducible schedule. Not thread-safe.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;
  private int attempt;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max");
    }
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The wait before the next attempt; each call doubles the ceiling up to {@code max}. */
  Duration next() {
    long ceiling = base.toMillis() << Math.min(attempt, 30);
    ceiling = Math.min(Math.max(ceiling, base.toMillis()), max.toMillis());
    attempt++;
    long floor = ceiling / 2;
    return Duration.ofMillis(floor + (ceiling > floor ? random.nextLong(ceiling - floor + 1) : 0));
  }

  /** Back to the first attempt (after a connection was established). */
  void reset() {
    attempt = 0;
  }

  int attempts() {
    return attempt;
  }
}

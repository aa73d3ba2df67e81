package dev.lattice.runtime.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Says each cause at most once per window (a minute for the link's retry reasons), by an injected
 * clock: a loop that fails the same way every few hundred milliseconds logs once, not a flood, and
 * a new cause is said at once. Thread-safe.
 */
public final class OncePerCause {
  /** The window of the link's reasons. */
  public static final Duration MINUTE = Duration.ofMinutes(1);
  private final Clock clock;
  private final Duration window;
  private final Map<String, Instant> said = new HashMap<>();

  public OncePerCause(Clock clock, Duration window) {
    this.clock = clock;
    this.window = window;
  }

  /** True when {@code cause} was not said within the window (and it now counts as said). */
  public synchronized boolean shouldSay(String cause) {
    Instant now = clock.instant();
    Instant last = said.get(cause);
    if (last != null && now.isBefore(last.plus(window))) {
      return false;
    }
    said.put(cause, now);
    return true;
  }
}

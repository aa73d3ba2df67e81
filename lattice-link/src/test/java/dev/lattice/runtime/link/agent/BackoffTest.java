package dev.lattice.runtime.link.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static List<Long> schedule(long seed, int n) {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(seed));
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(b.next().toMillis());
    }
    return out;
  }

  @Test
  void growsExponentiallyWithinJitterBoundsUpToTheCap() {
    List<Long> waits = schedule(42, 12);
    for (int i = 0; i < waits.size(); i++) {
      long ceiling = Math.min(100L << i, 5000);
      assertThat(waits.get(i)).as("attempt " + i).isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void aSeedGivesOneScheduleAndSeedsDiffer() {
    assertThat(schedule(1, 10)).isEqualTo(schedule(1, 10));
    assertThat(schedule(1, 10)).isNotEqualTo(schedule(2, 10));
  }

  @Test
  void resetStartsOver() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(3));
    for (int i = 0; i < 6; i++) {
      b.next();
    }
    b.reset();
    assertThat(b.next().toMillis()).isBetween(50L, 100L);
  }
}

package dev.lattice.runtime.link.cell;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.LogCapture;
import dev.lattice.runtime.link.MutableClock;
import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.proto.CommandResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 9, the cell's side: an agent that does not trust the cell (it holds the CA the
 * cell had before it was re-keyed) aborts every handshake; the cell says so once a minute.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsFailuresTest {
  private final LinkFixture f = new LinkFixture();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

  TlsFailuresTest() throws Exception {}

  @AfterEach
  void stop() {
    TlsFailures.clock(java.time.Clock.systemUTC());
    f.close();
  }

  @Test
  void aHandshakeAnAgentAbortsIsLoggedOnceAMinute() throws Exception {
    AgentIdentity enrolled = f.enroll("rekeyed");
    CellAuthority before = CellAuthority.create("lattice-cell-ca", Duration.ofDays(10), f.clock);
    AgentIdentity stale = new AgentIdentity("rekeyed", enrolled.key(), enrolled.certificate(), before.certificate());
    TlsFailures.clock(clock);
    try (LogCapture cellLog = new LogCapture(TlsFailures.class)) {
      LinkAgent a = f.agent(stale, c -> CommandResult.getDefaultInstance(), Duration.ofHours(1));
      String line = "a TLS handshake with a client failed (said once a minute): typically an agent that does not trust";
      await("said", () -> cellLog.count(line) == 1);
      int attempts = a.connects();
      await("more failed handshakes", () -> a.connects() >= attempts + 3);
      assertThat(cellLog.count(line)).isEqualTo(1);
      assertThat(cellLog.lines().get(0)).contains("enrolled before this cell was re-keyed");
      clock.advance(Duration.ofSeconds(61));
      await("said again a minute later", () -> cellLog.count(line) == 2);
    }
  }
}

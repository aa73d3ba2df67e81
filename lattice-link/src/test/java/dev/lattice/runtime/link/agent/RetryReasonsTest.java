package dev.lattice.runtime.link.agent;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.LinkLimits;
import dev.lattice.runtime.link.LogCapture;
import dev.lattice.runtime.link.MutableClock;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.KeyPairs;
import dev.lattice.runtime.link.pki.TlsContexts;
import dev.lattice.runtime.link.proto.AgentLinkGrpc;
import dev.lattice.runtime.link.proto.AgentMessage;
import dev.lattice.runtime.link.proto.ApplyDocuments;
import dev.lattice.runtime.link.proto.CellMessage;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.Health;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 9: an agent that keeps failing says why — wrong CA or a re-keyed cell, a
 * certificate the cell refuses (clock skew), an oversized message — at most once per cause per
 * minute (by an injected clock), and the cell logs its side too (the aborted handshake:
 * {@code cell.TlsFailuresTest}; a refused certificate: here).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RetryReasonsTest {
  private final LinkFixture f = new LinkFixture();
  private final MutableClock agentClock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private LinkAgent agent;

  RetryReasonsTest() throws Exception {}

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
    f.close();
  }

  private LinkAgent start(AgentIdentity id, int port) {
    agent = new LinkAgent(id, new LinkAgent.Options("127.0.0.1", port, "test", Duration.ofHours(1), Optional.empty()),
        new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), new Random(5)),
        c -> CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).build(), Health::getDefaultInstance,
        f.scheduler).reasonsClock(agentClock);
    agent.start();
    return agent;
  }

  @Test
  void anAgentThatTrustsAnotherCaSaysSoOnceAMinute() throws Exception {
    AgentIdentity enrolled = f.enroll("rekeyed");
    CellAuthority before = CellAuthority.create("lattice-cell-ca", Duration.ofDays(10), f.clock);
    AgentIdentity stale = new AgentIdentity("rekeyed", enrolled.key(), enrolled.certificate(), before.certificate());
    try (LogCapture agentLog = new LogCapture(LinkAgent.class)) {
      LinkAgent a = start(stale, f.cell.port());
      String reason = "the cell's certificate does not verify under the CA this agent trusts";
      await("said once", () -> agentLog.count(reason) == 1);
      int attempts = a.connects();
      await("many more attempts", () -> a.connects() >= attempts + 5);
      assertThat(agentLog.count(reason)).as("once a minute: " + agentLog.lines()).isEqualTo(1);
      assertThat(agentLog.lines().get(0)).contains("the wrong CA, or the cell was re-keyed").contains("enrol this agent again");

      agentClock.advance(Duration.ofSeconds(61));
      await("said again after a minute", () -> agentLog.count(reason) == 2);
    }
  }

  @Test
  void aCertificateTheCellsClockDoesNotAcceptIsReportedOnBothSides() throws Exception {
    f.clock.advance(Duration.ofDays(2)); // the cell's CA issued by a clock two days ahead: not yet valid by the real clock
    AgentIdentity ahead = f.enroll("skewed");
    try (LogCapture agentLog = new LogCapture(LinkAgent.class);
        LogCapture cellLog = new LogCapture(TlsContexts.class)) {
      LinkAgent a = start(ahead, f.cell.port());
      await("the agent says the cell refused its certificate",
          () -> agentLog.count("the cell refused this agent's certificate in the TLS handshake") == 1);
      int attempts = a.connects();
      await("more attempts", () -> a.connects() >= attempts + 3);
      assertThat(agentLog.count("the cell refused this agent's certificate")).isEqualTo(1);
      assertThat(agentLog.lines().get(0)).contains("clock skew");
      assertThat(cellLog.count("refused client certificate CN=skewed (not valid by the cell's clock")).as(cellLog.lines().toString())
          .isEqualTo(1);
    }
  }

  @Test
  void aMessageOverTheAgentsLimitIsNamed() throws Exception {
    KeyPair serverKey = KeyPairs.p256();
    var serverCert = f.authority.issueServer(serverKey.getPublic(), List.of("127.0.0.1"), Duration.ofDays(1));
    Command huge = Command.newBuilder().setId("huge")
        .setApply(ApplyDocuments.newBuilder().addDocumentsJson("x".repeat(LinkLimits.MAX_MESSAGE_BYTES))).build();
    Server oldCell = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(TlsContexts.server(serverKey.getPrivate(), serverCert, f.authority.certificate()))
        .addService(new AgentLinkGrpc.AgentLinkImplBase() {
          @Override
          public StreamObserver<AgentMessage> connect(StreamObserver<CellMessage> out) {
            return new StreamObserver<>() {
              @Override
              public void onNext(AgentMessage m) {
                if (m.hasHello()) {
                  out.onNext(CellMessage.newBuilder().setCommand(huge).build()); // a cell without the check
                }
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {}
            };
          }
        }).build().start();
    try (LogCapture agentLog = new LogCapture(LinkAgent.class)) {
      LinkAgent a = start(f.enroll("big"), oldCell.getPort());
      await("named", () -> agentLog.count("a message from the cell is over this agent's limit of 16777216 bytes") == 1,
          Duration.ofSeconds(30));
      int attempts = a.connects();
      await("more attempts", () -> a.connects() >= attempts + 2, Duration.ofSeconds(30));
      assertThat(agentLog.count("over this agent's limit")).isEqualTo(1);
    } finally {
      oldCell.shutdownNow();
    }
  }
}

package dev.lattice.runtime.link.cell;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.LinkLimits;
import dev.lattice.runtime.link.LogCapture;
import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.proto.ApplyDocuments;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 8: a command larger than the agent's limit is refused when it is submitted, never
 * queued; two agents enrolled under one cluster name are detected, the second refused with a message
 * on both sides, and the first keeps its link.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TwoAgentsOneNameTest {
  private final LinkFixture f = new LinkFixture();
  private final AtomicInteger runs = new AtomicInteger();

  TwoAgentsOneNameTest() throws Exception {}

  @AfterEach
  void stop() {
    f.close();
  }

  private LinkAgent agent(AgentIdentity id) {
    return f.agent(id, c -> {
      runs.incrementAndGet();
      return CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).build();
    }, Duration.ofMillis(100));
  }

  @Test
  void aSecondAgentUnderTheSameNameIsRefusedAndTheFirstKeepsItsLink() throws Exception {
    try (LogCapture cellLog = new LogCapture(AgentLinkService.class);
        LogCapture agentLog = new LogCapture(LinkAgent.class)) {
      LinkAgent first = agent(f.enroll("edge"));
      await("first connected", () -> f.registry.connectedCount() == 1 && f.registry.session("edge").healthy());
      LinkAgent second = agent(f.enroll("edge"));
      await("second refused", () -> second.refusal().isPresent());
      Status refusal = second.refusal().get();
      assertThat(refusal.getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
      assertThat(refusal.getDescription()).contains("cluster edge already has a connected agent with another certificate")
          .contains("two agents enrolled under one cluster name?");
      assertThat(cellLog.count("two agents enrolled under one cluster name?")).as(cellLog.lines().toString()).isEqualTo(1);
      assertThat(agentLog.count("cell refused cluster edge: cluster edge already has a connected agent"))
          .as(agentLog.lines().toString()).isEqualTo(1);
      assertThat(first.streaming()).isTrue();
      assertThat(first.connects()).as("the first was not replaced").isEqualTo(1);
      f.registry.session("edge").submit(Command.newBuilder().setId("c1")
          .setApply(ApplyDocuments.newBuilder().addDocumentsJson("{}")).build());
      await("the first still gets commands", () -> f.registry.session("edge").resultOf("c1").isPresent());
      assertThat(runs).hasValue(1);
    }
  }

  @Test
  void aReconnectWithTheSameCertificateStillReplacesTheOldStream() throws Exception {
    AgentIdentity id = f.enroll("edge");
    LinkAgent a = agent(id);
    await("connected", () -> f.registry.connectedCount() == 1);
    LinkAgent again = agent(id);
    await("the same certificate took over", () -> a.connects() > 1 || again.streaming());
    assertThat(again.refusal()).isEmpty();
  }

  @Test
  void aCommandOverTheAgentsLimitIsRefusedNotQueued() throws Exception {
    LinkAgent a = agent(f.enroll("edge"));
    await("connected", () -> f.registry.connectedCount() == 1);
    ChildSession s = f.registry.session("edge");
    Command huge = Command.newBuilder().setId("huge")
        .setApply(ApplyDocuments.newBuilder().addDocumentsJson("x".repeat(LinkLimits.MAX_MESSAGE_BYTES))).build();
    assertThatThrownBy(() -> s.submit(huge)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the command huge is ")
        .hasMessageContaining(" bytes, over the link's limit of " + LinkLimits.MAX_MESSAGE_BYTES + " bytes per message");
    s.submit(Command.newBuilder().setId("after").setApply(ApplyDocuments.newBuilder().addDocumentsJson("{}")).build());
    await("the link still carries commands", () -> s.resultOf("after").isPresent());
    assertThat(s.resultOf("huge")).isEmpty();
    assertThat(a.connects()).as("the stream never broke").isEqualTo(1);
    assertThat(runs).hasValue(1);
  }
}

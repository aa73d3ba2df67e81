package dev.lattice.runtime.link.cell;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.proto.ApplyDocuments;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands are idempotent by id and their results survive dropped streams and a cell restart. */
class LinkCommandsTest {
  private LinkFixture f;
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    f = new LinkFixture();
  }

  @AfterEach
  void stop() {
    release.countDown();
    f.close();
  }

  private LinkAgent agent(String cluster) throws Exception {
    AgentIdentity id = f.enroll(cluster);
    LinkAgent a = f.agent(id, c -> {
      runs.computeIfAbsent(c.getId(), k -> new AtomicInteger()).incrementAndGet();
      if (c.getId().startsWith("slow")) {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true)
          .setMessage("applied " + c.getApply().getDocumentsJsonCount()).build();
    }, Duration.ofMillis(100));
    await(cluster + " connected", () -> f.registry.connectedCount() >= 1);
    return a;
  }

  private static Command apply(String id) {
    return Command.newBuilder().setId(id).setApply(ApplyDocuments.newBuilder().addDocumentsJson("{}")).build();
  }

  @Test
  void aCommandRunsOnceAndItsResultReachesTheCell() throws Exception {
    LinkAgent a = agent("edge");
    ChildSession s = f.registry.session("edge");
    assertThat(s.submit(apply("c1"))).isTrue();
    assertThat(s.submit(apply("c1"))).as("same id again").isFalse();
    await("result", () -> s.resultOf("c1").isPresent());
    assertThat(s.resultOf("c1").get().getMessage()).isEqualTo("applied 1");
    await("acknowledged", () -> a.unacknowledged().isEmpty());
    assertThat(runs.get("c1")).hasValue(1);
  }

  @Test
  void commandsQueuedWhileDisconnectedAreDeliveredOnReconnect() throws Exception {
    ChildSession s = f.registry.session("edge");
    s.submit(apply("early"));
    LinkAgent a = agent("edge");
    await("early result", () -> s.resultOf("early").isPresent());
    a.dropStream();
    s.submit(apply("while-down"));
    await("reconnected", () -> a.connects() >= 2);
    await("while-down result", () -> s.resultOf("while-down").isPresent());
    assertThat(runs.get("early")).hasValue(1);
    assertThat(runs.get("while-down")).hasValue(1);
  }

  @Test
  void aResultProducedWhileTheStreamIsDownSurvivesTheReconnect() throws Exception {
    LinkAgent a = agent("edge");
    ChildSession s = f.registry.session("edge");
    s.submit(apply("slow-1"));
    await("running", () -> runs.containsKey("slow-1"));
    a.dropStream();
    release.countDown();
    await("result after reconnect", () -> s.resultOf("slow-1").isPresent());
    // the cell re-sent the pending command on reconnect; the agent ran it once
    assertThat(runs.get("slow-1")).hasValue(1);
    assertThat(a.connects()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aCellRestartLosesNoCommand() throws Exception {
    LinkAgent a = agent("edge");
    ChildSession s = f.registry.session("edge");
    int port = f.cell.port();
    f.cell.close();
    s.submit(apply("after-restart"));
    f.startCell(port);
    await("result after the cell came back", () -> s.resultOf("after-restart").isPresent());
    assertThat(runs.get("after-restart")).hasValue(1);
    assertThat(a.connects()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void silentChildrenAreMarkedUnhealthy() throws Exception {
    AgentIdentity id = f.enroll("quiet");
    f.agent(id, c -> CommandResult.newBuilder().setCommandId(c.getId()).build(), Duration.ofHours(1));
    await("connected", () -> f.registry.connectedCount() == 1);
    await("first heartbeat", () -> f.registry.childrenHealth().get("quiet").agentState().orElse("").equals("Ready"));
    assertThat(f.registry.sweep()).isEmpty();
    f.clock.advance(Duration.ofSeconds(31));
    assertThat(f.registry.sweep()).containsExactly("quiet");
    assertThat(f.unhealthy).containsExactly("quiet");
    var health = f.registry.childrenHealth().get("quiet");
    assertThat(health.agentState()).contains("Unhealthy");
    assertThat(health.readyNodes()).contains(3);
    assertThat(f.registry.sweep()).as("reported once").isEmpty();
  }
}

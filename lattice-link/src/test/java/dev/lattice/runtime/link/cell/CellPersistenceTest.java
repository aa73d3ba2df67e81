package dev.lattice.runtime.link.cell;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.pki.Revocations;
import dev.lattice.runtime.link.proto.ApplyDocuments;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell process restart (a new registry and server on the same files) keeps pending commands and
 * answered ids; revocations in a file survive too, and a revoked agent's live stream is closed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CellPersistenceTest {
  @TempDir
  Path tmp;

  private final LinkFixture f = new LinkFixture();
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private CellServer cell;

  CellPersistenceTest() throws Exception {}

  @AfterEach
  void stop() {
    if (cell != null) {
      cell.close();
    }
    f.close();
  }

  /** A "cell process": a fresh registry over {@code commands}, a fresh server with the fixture's CA and tokens. */
  private ChildRegistry startCell(Revocations revocations) throws Exception {
    ChildRegistry registry = new ChildRegistry(f.clock, Duration.ofSeconds(30), c -> { },
        new FileCommandStore(tmp.resolve("commands")));
    cell = CellServer.start(new CellServer.Options(new InetSocketAddress("127.0.0.1", 0), List.of("127.0.0.1"),
        Duration.ofDays(1), 10, Duration.ofHours(1)), f.authority, f.tokens, revocations, registry);
    return registry;
  }

  private LinkAgent agent(AgentIdentity id) {
    return f.agent(id, cell.port(), c -> {
      runs.computeIfAbsent(c.getId(), k -> new AtomicInteger()).incrementAndGet();
      return CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).build();
    }, Duration.ofMillis(200));
  }

  private static Command apply(String id) {
    return Command.newBuilder().setId(id).setApply(ApplyDocuments.newBuilder().addDocumentsJson("{}")).build();
  }

  @Test
  void pendingCommandsAndAnsweredIdsSurviveACellRestart() throws Exception {
    ChildRegistry first = startCell(new Revocations());
    AgentIdentity id = f.enroll("edge");
    first.session("edge").submit(apply("before"));
    try (LinkAgent a = agent(id)) {
      await("answered by the first cell", () -> first.session("edge").resultOf("before").isPresent());
    }
    first.session("edge").submit(apply("pending-1"));
    first.session("edge").submit(apply("pending-2"));
    cell.close(); // the cell process goes away with two commands never sent

    ChildRegistry second = startCell(new Revocations());
    ChildSession s = second.session("edge");
    assertThat(s.resultOf("before")).as("the answer is kept").isPresent();
    assertThat(s.submit(apply("before"))).as("an answered id is not accepted again").isFalse();
    try (LinkAgent a = agent(id)) {
      await("the pending commands reach the agent after the restart",
          () -> s.resultOf("pending-1").isPresent() && s.resultOf("pending-2").isPresent());
    }
    assertThat(runs).containsOnlyKeys("before", "pending-1", "pending-2");
    assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    assertThat(new FileCommandStore(tmp.resolve("commands")).pending("edge")).isEmpty();
  }

  @Test
  void aCommandAddedByAnotherProcessIsPickedUp() throws Exception {
    ChildRegistry registry = startCell(new Revocations());
    AgentIdentity id = f.enroll("edge");
    try (LinkAgent a = agent(id)) {
      await("connected", () -> registry.connectedCount() == 1);
      new FileCommandStore(tmp.resolve("commands")).submitted("edge", apply("from-cli"));
      assertThat(registry.pickUp()).isEqualTo(1);
      assertThat(registry.pickUp()).as("once").isZero();
      await("answered", () -> registry.session("edge").resultOf("from-cli").isPresent());
    }
  }

  @Test
  void aRevocationClosesTheLiveStreamAndOutlivesTheCell() throws Exception {
    Path file = tmp.resolve("revoked");
    ChildRegistry registry = startCell(new Revocations(file));
    AgentIdentity id = f.enroll("edge");
    try (LinkAgent a = agent(id)) {
      await("connected", () -> registry.connectedCount() == 1);
      new Revocations(file).revoke(id.certificate()); // as `cell revoke` does, from another process
      await("the live stream is closed and not retried", () -> a.refusal().isPresent(), Duration.ofSeconds(10));
      assertThat(a.refusal().get().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(a.refusal().get().getDescription()).isEqualTo("client certificate revoked");
    }
    cell.close();
    startCell(new Revocations(file));
    try (LinkAgent again = agent(id)) {
      await("refused after the restart", () -> again.refusal().isPresent());
      assertThat(again.refusal().get().getDescription()).isEqualTo("client certificate revoked");
    }
  }
}

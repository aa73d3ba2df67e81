package dev.lattice.runtime.link.agent;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.cell.ChildSession;
import dev.lattice.runtime.link.proto.AgentState;
import dev.lattice.runtime.link.proto.ApplyDocuments;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.Health;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A result the cell has not acknowledged survives an agent restart when the agent keeps a journal. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgentRestartTest {
  @TempDir
  Path tmp;

  private final LinkFixture f = new LinkFixture();
  private final AtomicInteger runs = new AtomicInteger();
  private final CountDownLatch running = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  AgentRestartTest() throws Exception {}

  @AfterEach
  void stop() {
    release.countDown();
    f.close();
  }

  private LinkAgent agent(AgentIdentity id, Path journal) {
    CommandExecutor executor = c -> {
      int n = runs.incrementAndGet();
      running.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).setMessage("run " + n).build();
    };
    LinkAgent a = new LinkAgent(id, new LinkAgent.Options("127.0.0.1", f.cell.port(), "test", Duration.ofMillis(100),
        Optional.empty()), new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), new Random(7)), executor,
        () -> Health.newBuilder().setState(AgentState.AGENT_STATE_READY).build(), f.scheduler,
        new FileResultJournal(journal));
    a.start();
    return a;
  }

  private static long kept(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".result")).count();
    }
  }

  @Test
  void aResultNotYetAcknowledgedIsDeliveredOnceAfterAnAgentRestart() throws Exception {
    AgentIdentity id = f.enroll("edge");
    Path journal = tmp.resolve("results");
    LinkAgent first = agent(id, journal);
    await("connected", () -> f.registry.connectedCount() == 1);
    ChildSession s = f.registry.session("edge");
    s.submit(Command.newBuilder().setId("cmd-1").setApply(ApplyDocuments.newBuilder().addDocumentsJson("{}")).build());
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    first.close(); // the agent process goes away while the command runs: the cell never gets the result
    release.countDown();
    await("result kept on disk", () -> {
      try {
        return kept(journal) == 1;
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(s.resultOf("cmd-1")).isEmpty();

    LinkAgent second = agent(id, journal); // a new process with the same --data
    assertThat(second.unacknowledged()).containsExactly("cmd-1");
    await("result delivered after restart", () -> s.resultOf("cmd-1").isPresent());
    await("acknowledged and forgotten", () -> second.unacknowledged().isEmpty());
    await("journal emptied", () -> {
      try {
        return kept(journal) == 0;
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(s.resultOf("cmd-1").get().getMessage()).isEqualTo("run 1");
    assertThat(runs.get()).as("the command ran once across both agent processes").isEqualTo(1);
    second.close();
  }
}

package dev.lattice.runtime.link.cell;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.LogCapture;
import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.Backoff;
import dev.lattice.runtime.link.agent.FileResultJournal;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.proto.ApplyDocuments;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.Health;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 4: a result is acknowledged only after the cell stored it. With the disk full (a
 * store whose result writes fail as {@code ENOSPC} would) the agent's journal entry stays
 * unacknowledged and the cell says so; after the agent and the cell are restarted on the same
 * folders, with room again, the result arrives from the journal: the command ran once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResultStoredBeforeAckTest {
  @TempDir
  Path tmp;
  private final LinkFixture f = new LinkFixture();
  private final AtomicInteger runs = new AtomicInteger();
  private CellServer second;

  ResultStoredBeforeAckTest() throws Exception {}

  @AfterEach
  void stop() {
    if (second != null) {
      second.close();
    }
    f.close();
  }

  /** A file store whose result writes fail while the disk is "full". */
  private static final class FullDisk implements CommandStore {
    private final FileCommandStore files;
    volatile boolean full = true;

    FullDisk(Path root) {
      files = new FileCommandStore(root);
    }

    @Override
    public Set<String> clusters() {
      return files.clusters();
    }

    @Override
    public List<Command> pending(String cluster) {
      return files.pending(cluster);
    }

    @Override
    public List<CommandResult> results(String cluster) {
      return files.results(cluster);
    }

    @Override
    public void submitted(String cluster, Command command) {
      files.submitted(cluster, command);
    }

    @Override
    public void completed(String cluster, CommandResult result) {
      if (full) {
        throw new UncheckedIOException("cannot write result of " + result.getCommandId(),
            new IOException("No space left on device"));
      }
      files.completed(cluster, result);
    }
  }

  private LinkAgent agent(AgentIdentity id, int port, Path journal) {
    LinkAgent a = new LinkAgent(id, new LinkAgent.Options("127.0.0.1", port, "test", Duration.ofMillis(100), Optional.empty()),
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), new Random(7)), c -> {
          runs.incrementAndGet();
          return CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).setMessage("applied").build();
        }, Health::getDefaultInstance, f.scheduler, new FileResultJournal(journal));
    a.start();
    return a;
  }

  private CellServer cell(ChildRegistry registry) throws IOException {
    return CellServer.start(new CellServer.Options(new InetSocketAddress("127.0.0.1", 0), List.of("127.0.0.1"),
        Duration.ofDays(1), 10, Duration.ofHours(1)), f.authority, f.tokens, f.revocations, registry);
  }

  @Test
  void withTheDiskFullTheResultStaysInTheAgentsJournalAndRunsOnceAcrossRestarts() throws Exception {
    Path commands = tmp.resolve("cell/commands");
    Path journal = tmp.resolve("agent/results");
    FullDisk disk = new FullDisk(commands);
    ChildRegistry registry = new ChildRegistry(f.clock, Duration.ofSeconds(30), c -> { }, disk);
    AgentIdentity id = f.enroll("edge");
    try (LogCapture cellLog = new LogCapture(ChildSession.class);
        CellServer full = cell(registry)) {
      LinkAgent a = agent(id, full.port(), journal);
      await("connected", () -> registry.connectedCount() == 1);
      registry.session("edge").submit(Command.newBuilder().setId("c1")
          .setApply(ApplyDocuments.newBuilder().addDocumentsJson("{}")).build());
      await("the cell said why it did not acknowledge", () -> cellLog.count("cannot store the result of command c1") > 0);
      assertThat(cellLog.lines().get(0)).contains("No space left on device").contains("not acknowledged");
      await("the agent reconnected and sent it again", () -> a.connects() >= 2);
      assertThat(a.unacknowledged()).containsExactly("c1");
      assertThat(new FileResultJournal(journal).load()).containsOnlyKeys("c1");
      assertThat(registry.session("edge").resultOf("c1")).isEmpty();
      assertThat(disk.pending("edge")).extracting(Command::getId).as("still pending in the cell's store").containsExactly("c1");
      a.close();
    }
    assertThat(runs).hasValue(1);

    ChildRegistry restarted = new ChildRegistry(f.clock, Duration.ofSeconds(30), c -> { }, new FileCommandStore(commands));
    second = cell(restarted);
    LinkAgent again = agent(id, second.port(), journal);
    await("stored after the restarts", () -> restarted.session("edge").resultOf("c1").isPresent());
    await("acknowledged", () -> again.unacknowledged().isEmpty());
    assertThat(new FileResultJournal(journal).load()).isEmpty();
    assertThat(new FileCommandStore(commands).pending("edge")).isEmpty();
    assertThat(new FileCommandStore(commands).results("edge")).extracting(CommandResult::getMessage).containsExactly("applied");
    assertThat(runs).as("ran once").hasValue(1);
    again.close();
  }
}

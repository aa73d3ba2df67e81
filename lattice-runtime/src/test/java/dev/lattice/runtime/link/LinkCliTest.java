package dev.lattice.runtime.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lattice.runtime.link.cli.AgentCommand;
import dev.lattice.runtime.link.cli.CellCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lattice cell}, {@code cell token}, {@code cell status} and {@code agent}, in-process on 127.0.0.1. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LinkCliTest {
  @TempDir
  Path tmp;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  /** The output and exit code of one command run. */
  record Run(int code, String out, String err) {}

  @AfterEach
  void stop() throws Exception {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(20, TimeUnit.SECONDS), "commands stop when interrupted");
  }

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  Future<Run> background(Object command, String... args) {
    return threads.submit((Callable<Run>) () -> run(command, args));
  }

  String startCell(Path cellDir) throws Exception {
    background(new CellCommand(), "--listen", "127.0.0.1:0", "--webhook-port", "0", "--data", cellDir.toString(),
        "--heartbeat-seconds", "1");
    Path endpoint = cellDir.resolve("endpoint");
    LinkFixture.await("cell endpoint written", () -> Files.exists(endpoint));
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(endpoint)) {
      p.load(r);
    }
    return p.getProperty("grpc");
  }

  @Test
  void enrolConnectHeartbeatStatusAndTokenReuse() throws Exception {
    Path cellDir = tmp.resolve("cell");
    String grpc = startCell(cellDir);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cellDir.resolve("ca.key"))));

    Run token = run(new CellCommand(), "token", "--data", cellDir.toString(), "--cluster", "child-a", "--ttl", "10m");
    assertEquals(0, token.code(), token.err());
    String t = token.out().trim();
    assertTrue(t.startsWith("lbt_"), t);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cellDir.resolve("tokens"))));

    Path agentDir = tmp.resolve("agent-a");
    String ca = cellDir.resolve("ca.crt").toString();
    Future<Run> agent = background(new AgentCommand(), "--cell", grpc, "--cluster", "child-a", "--token", t, "--ca", ca,
        "--data", agentDir.toString(), "--heartbeat-seconds", "1");
    LinkFixture.await("agent certificate stored", () -> Files.exists(agentDir.resolve("agent.crt")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(agentDir.resolve("agent.key"))));
    String[] last = {""};
    try {
      LinkFixture.await("heartbeat visible in cell status", () -> {
      String s = run(new CellCommand(), "status", "--data", cellDir.toString()).out();
      last[0] = s;
      return s.contains("child-a") && s.contains(" Ready ") && s.matches("(?s).*child-a.*\\d{4}-\\d\\d-\\d\\dT.*");
    }, Duration.ofSeconds(20));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + ", last status:\n" + last[0]);
    }
    assertFalse(agent.isDone(), "the agent holds the link");

    Run reuse = run(new AgentCommand(), "--cell", grpc, "--cluster", "child-a", "--token", t, "--ca", ca,
        "--data", tmp.resolve("agent-b").toString());
    assertEquals(1, reuse.code());
    assertTrue(reuse.err().contains("bootstrap token was already used"), reuse.err());

    Run wrong = run(new AgentCommand(), "--cell", grpc, "--cluster", "child-a", "--token", "lbt_nope", "--ca", ca,
        "--data", tmp.resolve("agent-c").toString());
    assertEquals(1, wrong.code());
    assertTrue(wrong.err().contains("bootstrap token not recognised"), wrong.err());

    Run expired = run(new CellCommand(), "token", "--data", cellDir.toString(), "--cluster", "child-d", "--ttl", "0s");
    Run late = run(new AgentCommand(), "--cell", grpc, "--cluster", "child-d", "--token", expired.out().trim(), "--ca", ca,
        "--data", tmp.resolve("agent-d").toString());
    assertEquals(1, late.code());
    assertTrue(late.err().contains("bootstrap token expired"), late.err());

    agent.cancel(true);
    LinkFixture.await("the stopped agent shows as disconnected", () ->
        run(new CellCommand(), "status", "--data", cellDir.toString()).out().contains(" Disconnected "),
        Duration.ofSeconds(20));
    Future<Run> again = background(new AgentCommand(), "--cell", grpc, "--cluster", "child-a", "--data",
        agentDir.toString(), "--heartbeat-seconds", "1");
    LinkFixture.await("reconnect with the stored certificate, no token", () -> {
      String s = run(new CellCommand(), "status", "--data", cellDir.toString()).out();
      return s.contains(" Ready ");
    }, Duration.ofSeconds(20));
    assertFalse(again.isDone(), "the restarted agent holds the link with its certificate");
  }
}

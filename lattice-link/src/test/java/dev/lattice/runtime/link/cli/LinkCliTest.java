package dev.lattice.runtime.link.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lattice.runtime.link.LinkFixture;
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

/** {@code lattice cell}, {@code cell token/status/revoke/send} and {@code agent}, in-process on 127.0.0.1. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LinkCliTest {
  @TempDir
  Path tmp;

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private Future<Run> cellRun;

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

  /** Starts {@code cell --grpc 127.0.0.1:0 --bootstrap 127.0.0.1:0}; returns its bootstrap URL. */
  String startCell(Path cellDir) throws Exception {
    Files.deleteIfExists(cellDir.resolve("endpoint"));
    cellRun = background(new CellCommand(), "--init", "--grpc", "127.0.0.1:0", "--bootstrap", "127.0.0.1:0", "--data", cellDir.toString(),
        "--heartbeat-seconds", "1");
    Path endpoint = cellDir.resolve("endpoint");
    LinkFixture.await("cell endpoint written", () -> Files.exists(endpoint));
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(endpoint)) {
      p.load(r);
    }
    assertTrue(p.getProperty("grpc").startsWith("127.0.0.1:"), p.toString());
    return p.getProperty("bootstrap");
  }

  static String token(Path cellDir, String cluster, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "token";
    args[1] = "--data";
    args[2] = cellDir.toString();
    args[3] = "--cluster=" + cluster;
    System.arraycopy(more, 0, args, 4, more.length);
    Run r = run(new CellCommand(), args);
    assertEquals(0, r.code(), r.err());
    return r.out().trim();
  }

  /** A refused first run: exit 1 (or {@code code}), the message on stderr, nothing written in {@code dir}. */
  static void refused(int code, String message, Run r, Path dir) {
    assertEquals(code, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(message), r.err());
    assertFalse(Files.exists(dir), "nothing written in " + dir);
  }

  @Test
  void enrolConnectHeartbeatStatusAndTokenReuse() throws Exception {
    Path cellDir = tmp.resolve("cell");
    String url = startCell(cellDir);
    assertTrue(url.startsWith("https://127.0.0.1:"), url);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cellDir.resolve("ca.key"))));

    String t = token(cellDir, "child-a", "--ttl", "10m");
    assertTrue(t.matches("lbt_[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}"), t);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cellDir.resolve("tokens"))));

    Path agentDir = tmp.resolve("agent-a");
    Future<Run> agent = background(new AgentCommand(), "--cluster", "child-a", "--cell", url, "--token", t,
        "--data", agentDir.toString(), "--heartbeat-seconds", "1");
    LinkFixture.await("agent certificate stored", () -> Files.exists(agentDir.resolve("cell")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(agentDir.resolve("agent.key"))));
    assertEquals(Files.readString(cellDir.resolve("ca.crt")), Files.readString(agentDir.resolve("ca.crt")),
        "the agent learnt the cell's CA at the bootstrap endpoint");
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
    Run json = run(new CellCommand(), "status", "--data", cellDir.toString(), "--json");
    assertEquals(0, json.code(), json.err());
    assertTrue(json.out().matches("\\[\\{\"cluster\":\"child-a\",\"state\":\"Ready\",\"nodes\":\\{\"ready\":0,\"total\":0\\},"
        + "\"controlPlaneNodes\":\\{\"ready\":0,\"total\":0\\},\"lastHeartbeat\":\"\\d{4}-[^\"]+Z\"}]\\s*"), json.out());

    refused(1, "refused by the cell (HTTP 401): bootstrap token was already used", run(new AgentCommand(), "--cell", url,
        "--cluster", "child-a", "--token", t, "--data", tmp.resolve("agent-b").toString()), tmp.resolve("agent-b"));
    String pin = t.substring(t.indexOf('.'));
    refused(1, "(HTTP 401): bootstrap token not recognised", run(new AgentCommand(), "--cell", url, "--cluster", "child-a",
        "--token", "lbt_nope" + pin, "--data", tmp.resolve("agent-c").toString()), tmp.resolve("agent-c"));
    String expired = token(cellDir, "child-d", "--ttl", "0s");
    refused(1, "(HTTP 401): bootstrap token expired", run(new AgentCommand(), "--cell", url, "--cluster", "child-d",
        "--token", expired, "--data", tmp.resolve("agent-d").toString()), tmp.resolve("agent-d"));

    agent.cancel(true);
    LinkFixture.await("the stopped agent shows as disconnected", () ->
        run(new CellCommand(), "status", "--data", cellDir.toString()).out().contains(" Disconnected "),
        Duration.ofSeconds(20));
    Future<Run> again = background(new AgentCommand(), "--cluster", "child-a", "--data", agentDir.toString(),
        "--heartbeat-seconds", "1");
    LinkFixture.await("reconnect with the stored certificate and address, no token, no URL", () -> {
      String s = run(new CellCommand(), "status", "--data", cellDir.toString()).out();
      return s.contains(" Ready ");
    }, Duration.ofSeconds(20));
    assertFalse(again.isDone(), "the restarted agent holds the link with its certificate");
  }

  @Test
  void theFirstContactIsVerifiedBeforeTheTokenIsSent() throws Exception {
    Path cellDir = tmp.resolve("cell");
    String url = startCell(cellDir);
    Path otherCell = tmp.resolve("other-cell");
    String foreign = token(otherCell, "child-a", "--init"); // another cell's CA: its pin cannot match this cell
    String t = token(cellDir, "child-a");
    String secret = t.substring(0, t.indexOf('.'));
    String otherPin = foreign.substring(foreign.indexOf('.'));

    refused(1, "could not prove it is the cell", run(new AgentCommand(), "--cell", url, "--cluster", "child-a",
        "--token", secret + otherPin, "--data", tmp.resolve("a1").toString()), tmp.resolve("a1"));
    refused(2, "the token carries no CA pin: give the cell's CA bundle with --ca FILE", run(new AgentCommand(), "--cell",
        url, "--cluster", "child-a", "--token", secret, "--data", tmp.resolve("a2").toString()), tmp.resolve("a2"));
    refused(1, "could not prove it is the cell", run(new AgentCommand(), "--cell", url, "--cluster", "child-a",
        "--token", secret, "--ca", otherCell.resolve("ca.crt").toString(), "--data", tmp.resolve("a3").toString()),
        tmp.resolve("a3"));
    refused(2, "the CA of --ca does not match the CA pin in the token", run(new AgentCommand(), "--cell", url,
        "--cluster", "child-a", "--token", t, "--ca", otherCell.resolve("ca.crt").toString(), "--data",
        tmp.resolve("a4").toString()), tmp.resolve("a4"));
    refused(2, "expected the cell's bootstrap URL https://HOST:PORT", run(new AgentCommand(), "--cell",
        url.replace("https://", "http://"), "--cluster", "child-a", "--token", t, "--data", tmp.resolve("a5").toString()),
        tmp.resolve("a5"));
    refused(1, "(HTTP 403): bootstrap token was issued for another cluster", run(new AgentCommand(), "--cell", url,
        "--cluster", "child-b", "--token", token(cellDir, "child-a"), "--data", tmp.resolve("a6").toString()),
        tmp.resolve("a6"));
    refused(1, "(HTTP 401): bootstrap token not recognised", run(new AgentCommand(), "--cell", url, "--cluster", "child-a",
        "--token", token(cellDir, "child-a", "--purpose", "bootstrap"), "--data", tmp.resolve("a7").toString()),
        tmp.resolve("a7"));

    // none of that used the token: the bare secret with the right --ca still enrols (and so does a --no-pin token)
    Path ok = tmp.resolve("ok");
    Future<Run> agent = background(new AgentCommand(), "--cell", url, "--cluster", "child-a", "--token", secret,
        "--ca", cellDir.resolve("ca.crt").toString(), "--data", ok.toString(), "--heartbeat-seconds", "1");
    LinkFixture.await("enrolled with --ca", () -> Files.exists(ok.resolve("cell")));
    String bare = token(cellDir, "child-e", "--no-pin");
    assertFalse(bare.contains("."), bare);
    Path ok2 = tmp.resolve("ok2");
    Future<Run> agent2 = background(new AgentCommand(), "--cell", url.replace("127.0.0.1", "localhost"), "--cluster",
        "child-e", "--token", bare, "--ca", cellDir.resolve("ca.crt").toString(), "--data", ok2.toString(),
        "--heartbeat-seconds", "1");
    LinkFixture.await("enrolled by the name localhost", () -> Files.exists(ok2.resolve("cell")));
    LinkFixture.await("both linked", () -> {
      String s = run(new CellCommand(), "status", "--data", cellDir.toString(), "--json").out();
      return s.contains("\"cluster\":\"child-a\",\"state\":\"Ready\"") && s.contains("\"cluster\":\"child-e\",\"state\":\"Ready\"");
    }, Duration.ofSeconds(20));
    assertFalse(agent.isDone() || agent2.isDone());
  }

  @Test
  void statusJsonOfACellWithoutChildrenIsAnEmptyArray() {
    Run r = run(new CellCommand(), "status", "--data", tmp.resolve("empty").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertEquals("[]", r.out().trim());
  }

  @Test
  void revokeClosesTheAgentsStreamAndRefusesItsNextConnection() throws Exception {
    Path cellDir = tmp.resolve("cell");
    String url = startCell(cellDir);
    Path agentDir = tmp.resolve("agent-a");
    Future<Run> agent = background(new AgentCommand(), "--cluster", "child-a", "--cell", url, "--token",
        token(cellDir, "child-a"), "--data", agentDir.toString(), "--heartbeat-seconds", "1");
    LinkFixture.await("linked", () -> run(new CellCommand(), "status", "--data", cellDir.toString()).out()
        .contains(" Ready "), Duration.ofSeconds(20));

    Run none = run(new CellCommand(), "revoke", "--data", cellDir.toString(), "--cluster", "nobody");
    assertEquals(1, none.code());
    assertTrue(none.err().contains("no certificate was issued to cluster nobody"), none.err());
    Run revoke = run(new CellCommand(), "revoke", "--data", cellDir.toString(), "--cluster", "child-a");
    assertEquals(0, revoke.code(), revoke.err());
    assertTrue(revoke.out().contains("revoked 1 certificate(s) of cluster child-a"), revoke.out());

    Run ended = agent.get(20, TimeUnit.SECONDS);
    assertEquals(1, ended.code(), ended.out() + ended.err());
    assertTrue(ended.err().contains("the cell refused cluster child-a: UNAUTHENTICATED: client certificate revoked"),
        ended.err());
    Run again = run(new AgentCommand(), "--cluster", "child-a", "--data", agentDir.toString());
    assertEquals(1, again.code(), again.out() + again.err());
    assertTrue(again.err().contains("UNAUTHENTICATED: client certificate revoked"), again.err());
  }

  @Test
  void aCommandQueuedWithCellSendSurvivesACellRestart() throws Exception {
    Path cellDir = tmp.resolve("cell");
    startCell(cellDir);
    Path doc = tmp.resolve("cm.json");
    Files.writeString(doc, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}");
    Run sent = run(new CellCommand(), "send", "--data", cellDir.toString(), "--cluster", "child-a", "--id", "cfg-1",
        doc.toString());
    assertEquals(0, sent.code(), sent.err());
    assertEquals("cfg-1", sent.out().trim());
    cellRun.cancel(true); // the cell process stops with the command not yet sent (no agent)
    LinkFixture.await("cell stopped", () -> cellRun.isDone());
    Thread.sleep(300);

    String url = startCell(cellDir);
    Path book = cellDir.resolve("commands").resolve("child-a");
    String file = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("cfg-1".getBytes());
    assertTrue(Files.exists(book.resolve(file + ".command")), "still pending after the restart");
    Future<Run> agent = background(new AgentCommand(), "--cluster", "child-a", "--cell", url, "--token",
        token(cellDir, "child-a"), "--data", tmp.resolve("agent").toString(), "--heartbeat-seconds", "1");
    LinkFixture.await("the restarted cell delivered it and kept the result",
        () -> Files.exists(book.resolve(file + ".result")) && !Files.exists(book.resolve(file + ".command")),
        Duration.ofSeconds(20));
    Run twice = run(new CellCommand(), "send", "--data", cellDir.toString(), "--cluster", "child-a", "--id", "cfg-1",
        doc.toString());
    assertEquals(1, twice.code());
    assertTrue(twice.err().contains("already known"), twice.err());
    assertFalse(agent.isDone());
  }
}

package dev.lattice.runtime.link.cli;

import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.Backoff;
import dev.lattice.runtime.link.agent.HttpsEnrolment;
import dev.lattice.runtime.link.agent.FileResultJournal;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.pki.OwnerOnly;
import dev.lattice.runtime.link.pki.Pem;
import dev.lattice.runtime.link.proto.AgentState;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.Health;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent}: enrols once at the cell's bootstrap endpoint ({@code --cell https://HOST:PORT}, a
 * single-use token, a CSR; the key stays in {@code --data}, owner-only) and stores the certificate,
 * the CA and the cell's gRPC address it learnt there; then holds the stream to the cell with the
 * certificate only, until interrupted. The first contact is verified by the token's CA pin or by
 * {@code --ca}; later runs trust the stored CA alone. A refused enrolment or connection exits 1 with
 * the cell's reason and, for an enrolment, writes nothing.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Run an agent: enrol at the cell's bootstrap URL with a token once, then hold the link with the certificate.")
public final class AgentCommand implements Callable<Integer> {
  @Option(names = "--cell", description = "The cell's bootstrap endpoint https://HOST:PORT; needed only for the first run.")
  String cell;

  @Option(names = "--cluster", required = true)
  String cluster;

  @Option(names = "--token", description = "Single-use token from `cell token`; needed only for the first run.")
  String token;

  @Option(names = "--ca", description = "The cell's CA bundle (the cell's DIR/ca.crt), to verify the first contact "
      + "instead of (or as well as) the token's CA pin.")
  Path ca;

  @Option(names = "--data", required = true, description = "Directory of the agent's key, certificate, CA, cell address and results.")
  Path data;

  @Option(names = "--heartbeat-seconds", defaultValue = "10")
  int heartbeatSeconds;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AgentIdentity identity;
    HostPort hp;
    try {
      Optional<Stored> stored = stored();
      if (stored.isEmpty()) {
        HttpsEnrolment.Enrolled e = enrol();
        store(e);
        out.println("agent: cluster " + cluster + " enrolled at " + cell + "; certificate stored in "
            + data.resolve("agent.crt") + ", cell gRPC " + e.grpcHost() + ":" + e.grpcPort());
        stored = Optional.of(new Stored(e.identity(), new HostPort(e.grpcHost(), e.grpcPort())));
      }
      identity = stored.get().identity();
      hp = stored.get().grpc();
    } catch (HttpsEnrolment.Refused e) {
      err.println("agent: enrolment of cluster " + cluster + " refused by the cell (HTTP " + e.status() + "): "
          + e.getMessage() + "; nothing written");
      return 1;
    } catch (IOException e) {
      err.println("agent: enrolment of cluster " + cluster + " failed: " + e.getMessage() + "; nothing written");
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("agent: " + e.getMessage());
      return 2;
    }
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(stop::countDown, "lattice-agent-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (LinkAgent agent = new LinkAgent(identity, new LinkAgent.Options(hp.host(), hp.port(), "cli",
        Duration.ofSeconds(heartbeatSeconds), Optional.empty()),
        new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), new Random()),
        c -> CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true)
            .setMessage("received " + c.getKindCase() + " (the CLI agent applies nothing)").build(),
        () -> Health.newBuilder().setState(AgentState.AGENT_STATE_READY).build(), scheduler,
        new FileResultJournal(data.resolve("results")))) {
      agent.start();
      out.println("agent: cluster " + cluster + " connecting to " + hp.host() + ":" + hp.port() + " with its certificate");
      out.flush();
      while (!stop.await(200, TimeUnit.MILLISECONDS)) {
        if (agent.refusal().isPresent()) {
          err.println("agent: the cell refused cluster " + cluster + ": " + agent.refusal().get().getCode() + ": "
              + agent.refusal().get().getDescription());
          return 1;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      scheduler.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down
      }
    }
    return 0;
  }

  /** An enrolled agent's identity and the cell's gRPC address, from {@code --data}. */
  private record Stored(AgentIdentity identity, HostPort grpc) {}

  private Optional<Stored> stored() throws IOException {
    Path key = data.resolve("agent.key");
    Path crt = data.resolve("agent.crt");
    Path bundle = data.resolve("ca.crt");
    Path address = data.resolve("cell");
    if (!(Files.exists(key) && Files.exists(crt) && Files.exists(bundle) && Files.exists(address))) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(address)) {
      p.load(r);
    }
    return Optional.of(new Stored(new AgentIdentity(cluster, Pem.ecPrivateKey(Files.readString(key)),
        Pem.certificates(Files.readString(crt)).get(0), Pem.certificates(Files.readString(bundle)).get(0)),
        HostPort.parse(p.getProperty("grpc"))));
  }

  private HttpsEnrolment.Enrolled enrol() throws IOException, InterruptedException, HttpsEnrolment.Refused {
    if (cell == null || token == null) {
      throw new IllegalArgumentException("not enrolled yet (no certificate in " + data
          + "): --cell https://HOST:PORT and --token are required");
    }
    Optional<X509Certificate> caCert = ca == null ? Optional.empty()
        : Optional.of(Pem.certificates(Files.readString(ca)).get(0));
    URI url;
    try {
      url = new URI(cell);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--cell: not a URL: " + cell);
    }
    return HttpsEnrolment.enroll(url, cluster, token, caCert);
  }

  /** Writes the key (owner-only), certificate, CA and the cell's address, only after a successful enrolment. */
  private void store(HttpsEnrolment.Enrolled e) throws IOException {
    OwnerOnly.directory(data);
    OwnerOnly.write(data.resolve("agent.key"), Pem.privateKey(e.identity().key()));
    Files.writeString(data.resolve("agent.crt"), Pem.certificate(e.identity().certificate()));
    Files.writeString(data.resolve("ca.crt"), Pem.certificate(e.identity().ca()));
    Files.writeString(data.resolve("cell"), "grpc=" + e.grpcHost() + ":" + e.grpcPort() + "\n");
  }
}

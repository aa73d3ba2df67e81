package dev.lattice.runtime.link.cli;

import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.Backoff;
import dev.lattice.runtime.link.agent.Enrolment;
import dev.lattice.runtime.link.agent.FileResultJournal;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.pki.OwnerOnly;
import dev.lattice.runtime.link.pki.Pem;
import dev.lattice.runtime.link.proto.AgentState;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.Health;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
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
 * {@code agent}: enrols once with a single-use token (a CSR; the key stays in {@code --data}, owner-only),
 * stores the certificate, then holds the stream to the cell with the certificate only, until interrupted.
 * A refused enrolment or connection exits 1 with the cell's reason.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Run an agent: enrol with a token once, then hold the link to the cell with the certificate.")
public final class AgentCommand implements Callable<Integer> {
  @Option(names = "--cell", required = true, description = "The cell's AgentLink HOST:PORT.")
  String cell;

  @Option(names = "--cluster", required = true)
  String cluster;

  @Option(names = "--token", description = "Single-use token from `cell token`; needed only for the first run.")
  String token;

  @Option(names = "--ca", description = "The cell's CA bundle (DIR/ca.crt of the cell); needed only for the first run.")
  Path ca;

  @Option(names = "--data", required = true, description = "Directory of the agent's key, certificate and results.")
  Path data;

  @Option(names = "--heartbeat-seconds", defaultValue = "10")
  int heartbeatSeconds;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HostPort hp = HostPort.parse(cell);
    AgentIdentity identity;
    try {
      identity = identity(hp, out);
    } catch (StatusRuntimeException e) {
      err.println("agent: enrolment of cluster " + cluster + " refused by the cell: " + e.getStatus().getCode() + ": "
          + e.getStatus().getDescription());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("agent: " + e.getMessage());
      return 1;
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
      out.println("agent: cluster " + cluster + " linked to " + cell + " with its certificate");
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

  private AgentIdentity identity(HostPort hp, PrintWriter out) throws IOException {
    Path key = data.resolve("agent.key");
    Path crt = data.resolve("agent.crt");
    Path bundle = data.resolve("ca.crt");
    if (Files.exists(key) && Files.exists(crt) && Files.exists(bundle)) {
      return new AgentIdentity(cluster, Pem.ecPrivateKey(Files.readString(key)),
          Pem.certificates(Files.readString(crt)).get(0), Pem.certificates(Files.readString(bundle)).get(0));
    }
    if (token == null || ca == null) {
      throw new IllegalArgumentException("not enrolled yet (no certificate in " + data + "): --token and --ca are required");
    }
    X509Certificate caCert = Pem.certificates(Files.readString(ca)).get(0);
    AgentIdentity id = Enrolment.enroll(hp.host(), hp.port(), caCert, cluster, token, "cli");
    OwnerOnly.directory(data);
    OwnerOnly.write(key, Pem.privateKey(id.key()));
    Files.writeString(crt, Pem.certificate(id.certificate()));
    Files.writeString(bundle, Pem.certificate(id.ca()));
    out.println("agent: cluster " + cluster + " enrolled; certificate stored in " + crt);
    return id;
  }
}

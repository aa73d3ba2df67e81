package dev.lattice.runtime.link.cli;

import dev.lattice.runtime.link.bootstrap.BootstrapWebhook;
import dev.lattice.runtime.link.cell.CellServer;
import dev.lattice.runtime.link.cell.ChildRegistry;
import dev.lattice.runtime.link.cell.Enroller;
import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.Fingerprints;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cell}: serves AgentLink (gRPC, TLS 1.3 mTLS) and the bootstrap endpoint (HTTPS: agent enrolment
 * and the webhook) with the CA
 * and tokens of {@code --data}, keeping the command books ({@code commands/}) and revocations
 * ({@code revoked}) there too; every second it picks up commands added by {@code cell send} and writes
 * each child's health to {@code children.json}, until interrupted.
 */
@Command(name = "cell", mixinStandardHelpOptions = true,
    subcommands = {CellTokenCommand.class, CellStatusCommand.class, CellRevokeCommand.class, CellSendCommand.class},
    description = "Run a cell: the AgentLink gRPC endpoint and the HTTPS bootstrap endpoint, until interrupted.")
public final class CellCommand implements Callable<Integer> {
  @Option(names = {"--grpc", "--listen"}, defaultValue = "127.0.0.1:50051",
      description = "AgentLink gRPC address HOST:PORT (port 0: any; --listen is the older name).")
  String grpc;

  @Option(names = "--bootstrap", description = "Bootstrap endpoint HOST:PORT (HTTPS: agent enrolment and the webhook; "
      + "port 0: any). Default: the gRPC host, port 8443.")
  String bootstrap;

  @Option(names = "--webhook-port", hidden = true, description = "Older form of --bootstrap: a port on the gRPC host.")
  Integer webhookPort;

  @Option(names = "--hosts", split = ",", description = "Extra DNS names or IPs for the cell's server certificates.")
  List<String> extraHosts = List.of();

  @Option(names = "--data", description = "Directory of the CA, tokens and state (required).")
  Path data;

  @Option(names = "--heartbeat-seconds", defaultValue = "10", description = "Heartbeat interval asked of agents.")
  int heartbeatSeconds;

  @Option(names = "--agent-image", defaultValue = "ghcr.io/lattice/agent:dev")
  String agentImage;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (data == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--data=<data>'");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (bootstrap != null && webhookPort != null) {
      throw new ParameterException(spec.commandLine(), "give --bootstrap HOST:PORT or the older --webhook-port, not both");
    }
    HostPort hp = HostPort.parse(grpc);
    HostPort bp = bootstrap != null ? HostPort.parse(bootstrap)
        : new HostPort(hp.host(), webhookPort != null ? webhookPort : 8443);
    CellData store = new CellData(data);
    Clock clock = Clock.systemUTC();
    CellAuthority ca = store.authority(clock);
    BootstrapTokens tokens = store.tokens(clock);
    ChildRegistry registry = new ChildRegistry(clock, Duration.ofSeconds(3L * heartbeatSeconds),
        c -> out.println("cell: child " + c + " missed its heartbeats: unhealthy"), store.commands());
    Set<String> names = new LinkedHashSet<>(List.of(hp.host(), bp.host(), "localhost", "127.0.0.1"));
    names.addAll(extraHosts);
    List<String> hosts = List.copyOf(names);
    Enroller enroller = new Enroller(ca, tokens, Duration.ofDays(365), store::recordIssued);
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(stop::countDown, "lattice-cell-stop");
    ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    try (CellServer cell = CellServer.start(new CellServer.Options(new InetSocketAddress(hp.host(), hp.port()), hosts,
        Duration.ofDays(365), heartbeatSeconds, Duration.ofSeconds(1)), enroller, store.revocations(), registry)) {
      String address = hp.host() + ":" + cell.port();
      try (BootstrapWebhook webhook = BootstrapWebhook.start(new InetSocketAddress(bp.host(), bp.port()), hosts,
          enroller, tokens, new BootstrapWebhook.Settings(agentImage, address, Duration.ofHours(1)),
          c -> out.println("cell: bootstrap callback from " + c))) {
        String boot = "https://" + bp.host() + ":" + webhook.port();
        store.writeEndpoint(address, boot);
        out.println("cell: AgentLink gRPC on " + address + ", bootstrap on " + boot + ", CA bundle "
            + data.resolve("ca.crt") + " (pin " + Fingerprints.pin(ca.certificate()) + ")");
        out.flush();
        writer.scheduleWithFixedDelay(() -> write(store, registry), 0, 1, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          stop.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    } finally {
      writer.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // shutting down already, or never registered
      }
    }
    return 0;
  }

  private static void write(CellData store, ChildRegistry registry) {
    if (registry == null) {
      return;
    }
    try {
      registry.pickUp();
      store.writeChildren(registry.childrenHealth());
    } catch (Exception e) {
      System.err.println("cell: cannot write " + store.dir().resolve("children.json") + ": " + e.getMessage());
    }
  }
}

package dev.lattice.runtime.link.cli;

import dev.lattice.runtime.link.bootstrap.BootstrapWebhook;
import dev.lattice.runtime.link.cell.CellServer;
import dev.lattice.runtime.link.cell.ChildRegistry;
import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.Revocations;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * {@code cell}: serves AgentLink (gRPC, TLS 1.3 mTLS) and the bootstrap webhook (HTTPS) with the CA
 * and tokens of {@code --data}, writing each child's health to {@code children.json} every second,
 * until interrupted.
 */
@Command(name = "cell", mixinStandardHelpOptions = true,
    subcommands = {CellTokenCommand.class, CellStatusCommand.class},
    description = "Run a cell: the AgentLink gRPC endpoint and the bootstrap webhook, until interrupted.")
public final class CellCommand implements Callable<Integer> {
  @Option(names = "--listen", defaultValue = "127.0.0.1:50051", description = "AgentLink address HOST:PORT (port 0: any).")
  String listen;

  @Option(names = "--webhook-port", defaultValue = "8443", description = "Bootstrap webhook port on the same host (0: any).")
  int webhookPort;

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
    HostPort hp = HostPort.parse(listen);
    CellData store = new CellData(data);
    Clock clock = Clock.systemUTC();
    CellAuthority ca = store.authority(clock);
    BootstrapTokens tokens = store.tokens(clock);
    ChildRegistry registry = new ChildRegistry(clock, Duration.ofSeconds(3L * heartbeatSeconds),
        c -> out.println("cell: child " + c + " missed its heartbeats: unhealthy"));
    List<String> hosts = List.of(hp.host(), "localhost", "127.0.0.1");
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(stop::countDown, "lattice-cell-stop");
    ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    try (CellServer cell = CellServer.start(new CellServer.Options(new InetSocketAddress(hp.host(), hp.port()), hosts,
        Duration.ofDays(365), heartbeatSeconds, Duration.ofSeconds(1)), ca, tokens, new Revocations(), registry)) {
      String address = hp.host() + ":" + cell.port();
      try (BootstrapWebhook webhook = BootstrapWebhook.start(new InetSocketAddress(hp.host(), webhookPort), hosts, ca,
          tokens, new BootstrapWebhook.Settings(agentImage, address, Duration.ofHours(1)),
          c -> out.println("cell: bootstrap callback from " + c))) {
        store.writeEndpoint(address, webhook.port());
        out.println("cell: AgentLink on " + address + ", webhook on https://" + hp.host() + ":" + webhook.port()
            + ", CA bundle " + data.resolve("ca.crt"));
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
      store.writeChildren(registry.childrenHealth());
    } catch (Exception e) {
      System.err.println("cell: cannot write " + store.dir().resolve("children.json") + ": " + e.getMessage());
    }
  }
}

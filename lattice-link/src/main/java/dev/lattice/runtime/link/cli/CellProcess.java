package dev.lattice.runtime.link.cli;

import dev.lattice.runtime.link.bootstrap.BootstrapWebhook;
import dev.lattice.runtime.link.cell.CellServer;
import dev.lattice.runtime.link.cell.ChildRegistry;
import dev.lattice.runtime.link.cell.Enroller;
import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.Fingerprints;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running cell, as {@code lattice cell} and {@code lattice controller --cell-grpc} start it: the
 * AgentLink gRPC server and the bootstrap endpoint (enrolment and the webhook) with the CA, tokens,
 * revocations and command books of {@code data} ({@link CellData}); every second it picks up
 * commands added by {@code cell send} and rewrites {@code children.json}. {@link #close} stops all
 * of it.
 */
public final class CellProcess implements AutoCloseable {
  /**
   * Where to listen, the extra certificate names, the state directory, whether a new CA may be made
   * there ({@link CellData.NewCa}) and what agents are asked.
   */
  public record Options(String grpc, String bootstrap, List<String> extraHosts, Path data, CellData.NewCa newCa,
      int heartbeatSeconds, String agentImage) {}

  private final CellData store;
  private final CellData.Lock lock;
  private final CellAuthority authority;
  private final BootstrapTokens tokens;
  private final ChildRegistry registry;
  private final CellServer cell;
  private final BootstrapWebhook webhook;
  private final ScheduledExecutorService writer;
  private final String grpcAddress;
  private final String bootstrapUrl;

  private CellProcess(CellData store, CellData.Lock lock, CellAuthority authority, BootstrapTokens tokens, ChildRegistry registry,
      CellServer cell, BootstrapWebhook webhook, ScheduledExecutorService writer, String grpcAddress, String bootstrapUrl) {
    this.store = store;
    this.lock = lock;
    this.authority = authority;
    this.tokens = tokens;
    this.registry = registry;
    this.cell = cell;
    this.webhook = webhook;
    this.writer = writer;
    this.grpcAddress = grpcAddress;
    this.bootstrapUrl = bootstrapUrl;
  }

  /**
   * Starts the cell; {@code onBootstrap} hears each bootstrap callback (a child's first node ran the
   * manifests), {@code out} gets the one-line summary and the unhealthy children. The cell holds the
   * lock of its folder until {@link #close}.
   *
   * @throws CellData.Unusable when the folder is missing, its CA missing, partial or corrupt, or
   *     another cell runs on it; nothing is then created
   */
  public static CellProcess start(Options o, Consumer<String> onBootstrap, PrintWriter out) throws IOException {
    HostPort hp = HostPort.parse(o.grpc());
    HostPort bp = o.bootstrap() != null ? HostPort.parse(o.bootstrap()) : new HostPort(hp.host(), 8443);
    CellData store = new CellData(o.data());
    CellData.Lock lock = store.lockForCell(o.newCa());
    try {
      return start(o, hp, bp, store, lock, onBootstrap, out);
    } catch (IOException | RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  private static CellProcess start(Options o, HostPort hp, HostPort bp, CellData store, CellData.Lock lock,
      Consumer<String> onBootstrap, PrintWriter out) throws IOException {
    Clock clock = Clock.systemUTC();
    CellAuthority ca = store.authority(clock, o.newCa());
    BootstrapTokens tokens = store.tokens(clock);
    ChildRegistry registry = new ChildRegistry(clock, Duration.ofSeconds(3L * o.heartbeatSeconds()),
        c -> out.println("cell: child " + c + " missed its heartbeats: unhealthy"), store.commands());
    Set<String> names = new LinkedHashSet<>(List.of(hp.host(), bp.host(), "localhost", "127.0.0.1"));
    names.addAll(o.extraHosts());
    List<String> hosts = List.copyOf(names);
    Enroller enroller = new Enroller(ca, tokens, Duration.ofDays(365), store::recordIssued);
    CellServer cell = CellServer.start(new CellServer.Options(new InetSocketAddress(hp.host(), hp.port()), hosts,
        Duration.ofDays(365), o.heartbeatSeconds(), Duration.ofSeconds(1)), enroller, store.revocations(), registry);
    String address = hp.host() + ":" + cell.port();
    BootstrapWebhook webhook;
    try {
      webhook = BootstrapWebhook.start(new InetSocketAddress(bp.host(), bp.port()), hosts, enroller, tokens,
          new BootstrapWebhook.Settings(o.agentImage(), address, Duration.ofHours(1)), onBootstrap);
    } catch (IOException | RuntimeException e) {
      cell.close();
      throw e;
    }
    String boot = "https://" + bp.host() + ":" + webhook.port();
    ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lattice-cell-children");
      t.setDaemon(true);
      return t;
    });
    CellProcess p = new CellProcess(store, lock, ca, tokens, registry, cell, webhook, writer, address, boot);
    try {
      store.writeEndpoint(address, boot);
    } catch (IOException | RuntimeException e) {
      p.close();
      throw e;
    }
    out.println("cell: AgentLink gRPC on " + address + ", bootstrap on " + boot + ", CA bundle "
        + o.data().resolve("ca.crt") + " (pin " + Fingerprints.pin(ca.certificate()) + ")");
    out.flush();
    writer.scheduleWithFixedDelay(p::writeChildren, 0, 1, TimeUnit.SECONDS);
    return p;
  }

  CellData store() {
    return store;
  }

  public CellAuthority authority() {
    return authority;
  }

  public BootstrapTokens tokens() {
    return tokens;
  }

  public ChildRegistry registry() {
    return registry;
  }

  /** The bound gRPC address, {@code HOST:PORT}. */
  String grpcAddress() {
    return grpcAddress;
  }

  /** The bound bootstrap endpoint, {@code https://HOST:PORT}. */
  public String bootstrapUrl() {
    return bootstrapUrl;
  }

  private void writeChildren() {
    try {
      registry.pickUp();
      store.writeChildren(registry.childrenHealth());
    } catch (Exception e) {
      System.err.println("cell: cannot write " + store.dir().resolve("children.json") + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    writer.shutdownNow();
    try {
      webhook.close();
    } finally {
      try {
        cell.close();
      } finally {
        lock.close();
      }
    }
  }
}

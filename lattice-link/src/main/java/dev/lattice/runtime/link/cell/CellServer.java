package dev.lattice.runtime.link.cell;

import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.KeyPairs;
import dev.lattice.runtime.link.pki.Revocations;
import dev.lattice.runtime.link.pki.TlsContexts;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running cell endpoint: gRPC over Netty with TLS 1.3 and client certificates, HTTP/2 keepalives
 * (the server pings idle agents and allows their pings every 10 s), and a heartbeat monitor that
 * sweeps the registry every {@code sweepEvery}; every second it closes the streams of certificates
 * revoked since they connected. {@link #close} stops both.
 */
public final class CellServer implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CellServer.class);
  /** What a cell needs; the registry carries the clock and the heartbeat timeout. */
  public record Options(InetSocketAddress address, List<String> hosts, Duration certificateValidity,
      int heartbeatSeconds, Duration sweepEvery) {}

  private final Server server;
  private final ScheduledExecutorService monitor;

  private CellServer(Server server, ScheduledExecutorService monitor) {
    this.server = server;
    this.monitor = monitor;
  }

  /** Starts a cell; the server certificate is issued now by {@code authority} for {@code options.hosts()}. */
  public static CellServer start(Options options, CellAuthority authority, BootstrapTokens tokens,
      Revocations revocations, ChildRegistry registry) throws IOException {
    return start(options, new Enroller(authority, tokens, options.certificateValidity(), (c, cert) -> { }),
        revocations, registry);
  }

  /** Starts a cell that enrols with {@code enroller} (its validity wins over the options'). */
  public static CellServer start(Options options, Enroller enroller, Revocations revocations, ChildRegistry registry)
      throws IOException {
    TlsFailures.install();
    CellAuthority authority = enroller.authority();
    KeyPair serverKey = KeyPairs.p256();
    X509Certificate serverCert = authority.issueServer(serverKey.getPublic(), options.hosts(), Duration.ofDays(365));
    AgentLinkService service = new AgentLinkService(enroller, registry, options.heartbeatSeconds());
    Server server = NettyServerBuilder.forAddress(options.address())
        .sslContext(TlsContexts.server(serverKey.getPrivate(), serverCert, authority.certificate()))
        .addService(ServerInterceptors.intercept(service, new PeerCertificates(revocations)))
        .keepAliveTime(30, TimeUnit.SECONDS)
        .keepAliveTimeout(10, TimeUnit.SECONDS)
        .permitKeepAliveTime(10, TimeUnit.SECONDS)
        .permitKeepAliveWithoutCalls(true)
        .maxInboundMessageSize(dev.lattice.runtime.link.LinkLimits.MAX_MESSAGE_BYTES)
        .build()
        .start();
    ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lattice-link-heartbeats");
      t.setDaemon(true);
      return t;
    });
    long every = options.sweepEvery().toMillis();
    monitor.scheduleWithFixedDelay(registry::sweep, every, every, TimeUnit.MILLISECONDS);
    monitor.scheduleWithFixedDelay(() -> {
      try {
        registry.closeRevoked(revocations).forEach(c -> LOG.warn("link: closed the stream of {}: certificate revoked", c));
      } catch (RuntimeException e) {
        LOG.warn("link: cannot check revocations: {}", e.getMessage());
      }
    }, 1, 1, TimeUnit.SECONDS);
    return new CellServer(server, monitor);
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    monitor.shutdownNow();
    server.shutdownNow();
    // the port is closed when close returns, also on an interrupted thread (a cancelled command)
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!server.isTerminated() && System.nanoTime() < deadline) {
      try {
        server.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

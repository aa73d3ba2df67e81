package dev.lattice.runtime.link;

import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.Backoff;
import dev.lattice.runtime.link.agent.CommandExecutor;
import dev.lattice.runtime.link.agent.Enrolment;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.cell.CellServer;
import dev.lattice.runtime.link.cell.ChildRegistry;
import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.Revocations;
import dev.lattice.runtime.link.proto.AgentState;
import dev.lattice.runtime.link.proto.Health;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A cell on 127.0.0.1 (ephemeral port, real TLS with a CA made here) and agents against it. */
public final class LinkFixture implements AutoCloseable {
  public static final String ENROLL = "enroll";
  public final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  public final CellAuthority authority = CellAuthority.create("lattice-cell-ca", Duration.ofDays(3650), clock);
  public final BootstrapTokens tokens = new BootstrapTokens(clock);
  public final Revocations revocations = new Revocations();
  public final List<String> unhealthy = new java.util.concurrent.CopyOnWriteArrayList<>();
  public final ChildRegistry registry = new ChildRegistry(clock, Duration.ofSeconds(30), unhealthy::add);
  public final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final List<LinkAgent> agents = new ArrayList<>();
  public CellServer cell;

  /** Starts a cell whose clock begins at the real now: TLS checks certificate validity by the real clock. */
  public LinkFixture() throws Exception {
    startCell(0);
  }

  /** (Re)starts the cell on {@code port} (0: any), keeping CA, tokens and registry. */
  public void startCell(int port) throws Exception {
    cell = CellServer.start(new CellServer.Options(new InetSocketAddress("127.0.0.1", port), List.of("127.0.0.1", "localhost"),
        Duration.ofDays(30), 10, Duration.ofHours(1)), authority, tokens, revocations, registry);
  }

  public AgentIdentity enroll(String cluster) {
    return Enrolment.enroll("127.0.0.1", cell.port(), authority.certificate(), cluster,
        tokens.issue(cluster, ENROLL, Duration.ofMinutes(10)), "test");
  }

  public LinkAgent agent(AgentIdentity id, CommandExecutor executor, Duration heartbeat) {
    return agent(id, cell.port(), executor, heartbeat);
  }

  /** A started agent of this fixture (closed with it) against any cell on 127.0.0.1:{@code port}. */
  public LinkAgent agent(AgentIdentity id, int port, CommandExecutor executor, Duration heartbeat) {
    LinkAgent a = new LinkAgent(id, new LinkAgent.Options("127.0.0.1", port, "test", heartbeat, Optional.empty()),
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), new Random(7)), executor,
        () -> Health.newBuilder().setReadyNodes(3).setTotalNodes(3).setReadyControlPlane(1).setTotalControlPlane(1)
            .setState(AgentState.AGENT_STATE_READY).build(), scheduler);
    agents.add(a);
    a.start();
    return a;
  }

  /** An HTTPS client (TLS 1.3) that trusts this fixture's cell CA only. */
  public java.net.http.HttpClient httpsTrustingTheCell() throws Exception {
    return httpsTrusting(authority.certificate());
  }

  /** An HTTPS client (TLS 1.3) that trusts {@code ca} only. */
  public static java.net.http.HttpClient httpsTrusting(java.security.cert.X509Certificate ca) throws Exception {
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
        javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLSv1.3");
    ssl.init(null, tmf.getTrustManagers(), null);
    return java.net.http.HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Polls until the condition holds (10 s at most). */
  public static void await(String what, BooleanSupplier condition) throws InterruptedException {
    await(what, condition, Duration.ofSeconds(10));
  }

  /** Polls until the condition holds, {@code limit} at most. */
  public static void await(String what, BooleanSupplier condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() {
    agents.forEach(LinkAgent::close);
    cell.close();
    scheduler.shutdownNow();
  }
}

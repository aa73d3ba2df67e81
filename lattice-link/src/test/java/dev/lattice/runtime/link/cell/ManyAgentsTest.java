package dev.lattice.runtime.link.cell;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.Backoff;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.pki.CertificateRequests;
import dev.lattice.runtime.link.pki.KeyPairs;
import dev.lattice.runtime.link.proto.AgentState;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.Health;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import java.lang.management.ManagementFactory;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * One cell, N agents (default 1,000; {@code -Dlattice.link.agents=N}), each its own TLS 1.3
 * connection with its own certificate, heartbeating every second over 127.0.0.1. Prints the
 * figures; asserts only that every agent connected and was heard, never timings. Cell and agents
 * share this JVM, so memory and CPU are for both sides together.
 */
class ManyAgentsTest {
  private static final int N = Integer.getInteger("lattice.link.agents", 1000);

  @Test
  void oneCellHoldsManyAgents() throws Exception {
    List<LinkAgent> agents = new ArrayList<>();
    NioEventLoopGroup loop = new NioEventLoopGroup(2);
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    try (LinkFixture f = new LinkFixture()) {
      List<AgentIdentity> ids = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        String cluster = "child-" + i;
        KeyPair pair = KeyPairs.p256();
        ids.add(new AgentIdentity(cluster, pair.getPrivate(), f.authority.signRequest(
            CertificateRequests.forCluster(cluster, pair), cluster, Duration.ofDays(1)), f.authority.certificate()));
      }
      long heapBefore = usedHeapAfterGc();
      long cpuBefore = cpuNanos();
      long t0 = System.nanoTime();
      Random seeds = new Random(11);
      for (AgentIdentity id : ids) {
        LinkAgent a = new LinkAgent(id, new LinkAgent.Options("127.0.0.1", f.cell.port(), "scale", Duration.ofSeconds(1),
            Optional.of(loop)), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(seeds.nextLong())),
            c -> CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).build(),
            () -> Health.newBuilder().setReadyNodes(1).setTotalNodes(1).setState(AgentState.AGENT_STATE_READY).build(),
            scheduler);
        agents.add(a);
        a.start();
      }
      LinkFixture.await("all connected", () -> f.registry.connectedCount() == N, Duration.ofSeconds(90));
      double connectSeconds = (System.nanoTime() - t0) / 1e9;
      long hb0 = f.registry.heartbeatsReceived();
      long cpu0 = cpuNanos();
      Thread.sleep(5000);
      long hb = f.registry.heartbeatsReceived() - hb0;
      double cpuWindow = (cpuNanos() - cpu0) / 1e9;
      long heapAfter = usedHeapAfterGc();
      System.out.printf("link scale: %d agents connected in %.1f s (setup CPU %.1f s); %d heartbeats in 5 s; "
          + "CPU %.2f s over 5 s (%.2f ms per agent per second); heap +%.1f MiB (%.1f KiB per agent, cell + agent)%n",
          N, connectSeconds, (cpu0 - cpuBefore) / 1e9, hb, cpuWindow, cpuWindow * 1000 / 5 / N,
          (heapAfter - heapBefore) / 1048576.0, (heapAfter - heapBefore) / 1024.0 / N);
      assertThat(hb).as("heartbeats heard").isGreaterThanOrEqualTo(N);
      assertThat(f.registry.childrenHealth()).hasSize(N);
      agents.forEach(LinkAgent::close);
    } finally {
      scheduler.shutdownNow();
      loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}

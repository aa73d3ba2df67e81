package dev.lattice.runtime.link.cell;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.pki.Fingerprints;
import dev.lattice.runtime.link.pki.KeyPairs;
import dev.lattice.runtime.link.pki.TlsContexts;
import dev.lattice.runtime.link.proto.AgentLinkGrpc;
import dev.lattice.runtime.link.proto.AgentMessage;
import dev.lattice.runtime.link.proto.ApplyDocuments;
import dev.lattice.runtime.link.proto.CellMessage;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.Credentials;
import dev.lattice.runtime.link.proto.Hello;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A slow agent holds back the cell (gRPC flow control, not an unbounded buffer); a stream dropped in
 * the middle of a burst of large commands loses none and runs none twice; a command delivered again
 * after it ran is answered with the kept result, not run again.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FlowControlTest {
  private static final int COMMANDS = 100;
  private static final int DOCUMENT_BYTES = 256 * 1024;
  private final LinkFixture f = new LinkFixture();

  FlowControlTest() throws Exception {}

  @AfterEach
  void stop() {
    f.close();
  }

  private static Command large(String id, int bytes) {
    return Command.newBuilder().setId(id).setApply(ApplyDocuments.newBuilder()
        .addDocumentsJson("{\"data\":\"" + "x".repeat(bytes) + "\"}")).build();
  }

  private static ManagedChannel channel(AgentIdentity id, int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port)
        .sslContext(TlsContexts.client(Optional.of(id.key()), Optional.of(id.certificate()), id.ca())).build();
  }

  private static AgentMessage hello(AgentIdentity id) {
    return AgentMessage.newBuilder().setHello(Hello.newBuilder().setCluster(id.cluster()).setAgentVersion("slow")
        .setCredentials(Credentials.newBuilder().setCertificateSha256(Fingerprints.sha256(id.certificate())))).build();
  }

  @Test
  void aSlowReaderHoldsBackTheCellAndStillGetsEveryCommandOnce() throws Exception {
    AgentIdentity id = f.enroll("slow");
    ManagedChannel ch = channel(id, f.cell.port());
    List<String> received = new CopyOnWriteArrayList<>();
    AtomicReference<ClientCallStreamObserver<AgentMessage>> call = new AtomicReference<>();
    try {
      StreamObserver<AgentMessage> up = AgentLinkGrpc.newStub(ch).connect(new ClientResponseObserver<AgentMessage, CellMessage>() {
        @Override
        public void beforeStart(ClientCallStreamObserver<AgentMessage> s) {
          call.set(s);
          s.disableAutoRequestWithInitial(1); // the Welcome, then only what the test asks for
        }

        @Override
        public void onNext(CellMessage m) {
          if (m.hasCommand()) {
            received.add(m.getCommand().getId());
          }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
      });
      up.onNext(hello(id));
      await("connected", () -> f.registry.connectedCount() == 1);
      ChildSession s = f.registry.session("slow");
      for (int i = 0; i < COMMANDS; i++) {
        assertThat(s.submit(large("c" + i, DOCUMENT_BYTES))).isTrue();
      }
      Thread.sleep(1000); // give an unbounded sender every chance to push it all
      assertThat(received).as("the agent has read nothing yet").isEmpty();
      long handed = s.handedToTransport();
      assertThat(handed).as("handed to gRPC while the agent reads nothing (HTTP/2 window 1 MiB, 256 KiB each)")
          .isLessThanOrEqualTo(12);
      assertThat(s.queued()).as("the rest waits in the session's outbox").isEqualTo(COMMANDS - (int) handed);

      for (int i = 0; i < COMMANDS; i++) { // the agent now reads one command every few milliseconds
        call.get().request(1);
        Thread.sleep(3);
      }
      await("every command read", () -> received.size() >= COMMANDS, Duration.ofSeconds(30));
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < COMMANDS; i++) {
        expected.add("c" + i);
      }
      assertThat(received).as("each command once, in order").isEqualTo(expected);
      assertThat(s.queued()).isZero();
      assertThat(s.handedToTransport()).isEqualTo(COMMANDS);
      up.onCompleted();
    } finally {
      ch.shutdownNow();
    }
  }

  @Test
  void aStreamDroppedInTheMiddleOfABurstOfLargeCommandsLosesNoneAndRunsNoneTwice() throws Exception {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    LinkAgent a = f.agent(f.enroll("edge"), c -> {
      runs.computeIfAbsent(c.getId(), k -> new AtomicInteger()).incrementAndGet();
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).build();
    }, Duration.ofMillis(200));
    await("connected", () -> f.registry.connectedCount() == 1);
    ChildSession s = f.registry.session("edge");
    for (int i = 0; i < 60; i++) {
      s.submit(large("b" + i, 128 * 1024));
    }
    await("some ran", () -> runs.size() >= 15, Duration.ofSeconds(30));
    a.dropStream();
    await("every result at the cell", () -> {
      for (int i = 0; i < 60; i++) {
        if (s.resultOf("b" + i).isEmpty()) {
          return false;
        }
      }
      return true;
    }, Duration.ofSeconds(60));
    assertThat(a.connects()).isGreaterThanOrEqualTo(2);
    assertThat(runs).hasSize(60);
    assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    await("all acknowledged", () -> a.unacknowledged().isEmpty());
  }

  @Test
  void aCommandDeliveredAgainAfterItRanIsAnsweredWithTheKeptResult() throws Exception {
    // a cell that sends the same command twice and never acknowledges: the agent must not run it twice
    List<CommandResult> results = new CopyOnWriteArrayList<>();
    KeyPair serverKey = KeyPairs.p256();
    var serverCert = f.authority.issueServer(serverKey.getPublic(), List.of("127.0.0.1"), Duration.ofDays(1));
    Server fake = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(TlsContexts.server(serverKey.getPrivate(), serverCert, f.authority.certificate()))
        .addService(new AgentLinkGrpc.AgentLinkImplBase() {
          @Override
          public StreamObserver<AgentMessage> connect(StreamObserver<CellMessage> out) {
            Command c = large("twice", 16);
            return new StreamObserver<>() {
              @Override
              public void onNext(AgentMessage m) {
                if (m.hasHello()) {
                  out.onNext(CellMessage.newBuilder().setCommand(c).build());
                } else if (m.hasResult()) {
                  results.add(m.getResult());
                  if (results.size() == 1) {
                    out.onNext(CellMessage.newBuilder().setCommand(c).build()); // delivered again, the ack "lost"
                  }
                }
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {}
            };
          }
        }).build().start();
    try {
      AgentIdentity id = f.enroll("dup");
      AtomicInteger ran = new AtomicInteger();
      try (LinkAgent a = f.agent(id, fake.getPort(), c -> {
        ran.incrementAndGet();
        return CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).setMessage("run 1").build();
      }, Duration.ofHours(1))) {
        await("answered twice", () -> results.size() == 2);
        assertThat(ran).as("ran once").hasValue(1);
        assertThat(results).extracting(CommandResult::getMessage).containsExactly("run 1", "run 1");
        assertThat(a.unacknowledged()).containsExactly("twice");
      }
    } finally {
      fake.shutdownNow();
    }
  }
}

package dev.lattice.runtime.link.cell;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.LinkLimits;
import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.pki.Fingerprints;
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
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 7: a hostile or broken agent cannot fill the cell. A raw gRPC client with a real
 * certificate plays the agent: results for ids never issued are refused (not stored, so they cannot
 * claim a later command's id), results are bounded, ids are bounded, the kept results per child are
 * bounded, and a stream the cell closes no longer counts as connected.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileAgentTest {
  private final LinkFixture f = new LinkFixture();
  private final List<ManagedChannel> channels = new ArrayList<>();

  HostileAgentTest() throws Exception {}

  @AfterEach
  void stop() {
    channels.forEach(ManagedChannel::shutdownNow);
    f.close();
  }

  /** A raw agent stream: what the cell sends, and how it ended. */
  private final class Raw implements StreamObserver<CellMessage> {
    final List<CellMessage> received = new CopyOnWriteArrayList<>();
    final AtomicReference<Status> ended = new AtomicReference<>();
    StreamObserver<AgentMessage> up;

    Raw(AgentIdentity id) {
      ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", f.cell.port())
          .sslContext(TlsContexts.client(Optional.of(id.key()), Optional.of(id.certificate()), id.ca())).build();
      channels.add(ch);
      up = AgentLinkGrpc.newStub(ch).connect(this);
      up.onNext(hello(id));
    }

    boolean acked(String commandId) {
      return received.stream().anyMatch(m -> m.hasAck() && m.getAck().getCommandId().equals(commandId));
    }

    boolean got(String commandId) {
      return received.stream().anyMatch(m -> m.hasCommand() && m.getCommand().getId().equals(commandId));
    }

    @Override
    public void onNext(CellMessage m) {
      received.add(m);
    }

    @Override
    public void onError(Throwable t) {
      ended.set(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
      ended.set(Status.OK);
    }
  }

  private static AgentMessage hello(AgentIdentity id) {
    return AgentMessage.newBuilder().setHello(Hello.newBuilder().setCluster(id.cluster()).setAgentVersion("raw")
        .setCredentials(Credentials.newBuilder().setCertificateSha256(Fingerprints.sha256(id.certificate())))).build();
  }

  private static AgentMessage result(String id, String message) {
    return AgentMessage.newBuilder().setResult(CommandResult.newBuilder().setCommandId(id).setSuccess(true)
        .setMessage(message)).build();
  }

  private static Command apply(String id) {
    return Command.newBuilder().setId(id).setApply(ApplyDocuments.newBuilder().addDocumentsJson("{}")).build();
  }

  @Test
  void aResultForAnIdNeverIssuedIsRefusedAndCannotPreemptALaterCommand() throws Exception {
    Raw raw = new Raw(f.enroll("edge"));
    await("connected", () -> f.registry.connectedCount() == 1);
    ChildSession s = f.registry.session("edge");
    raw.up.onNext(result("later", "I did it before you asked"));
    await("the refused result acknowledged (the agent may drop it)", () -> raw.acked("later"));
    assertThat(s.resultOf("later")).as("not stored").isEmpty();
    assertThat(s.refusedResults()).isEqualTo(1);

    assertThat(s.submit(apply("later"))).as("the id is still free for the cell").isTrue();
    await("the command sent", () -> raw.got("later"));
    raw.up.onNext(result("later", "applied"));
    await("the real result stored", () -> s.resultOf("later").isPresent());
    assertThat(s.resultOf("later").get().getMessage()).isEqualTo("applied");
    assertThat(f.registry.connectedCount()).as("refusals do not close the stream").isEqualTo(1);
  }

  @Test
  void aResultOverTheLimitIsStoredCutDownAsAFailure() throws Exception {
    Raw raw = new Raw(f.enroll("edge"));
    await("connected", () -> f.registry.connectedCount() == 1);
    ChildSession s = f.registry.session("edge");
    s.submit(apply("big"));
    await("the command sent", () -> raw.got("big"));
    raw.up.onNext(result("big", "x".repeat(LinkLimits.MAX_RESULT_BYTES + 1)));
    await("stored", () -> s.resultOf("big").isPresent());
    CommandResult kept = s.resultOf("big").get();
    assertThat(kept.getSuccess()).isFalse();
    assertThat(kept.getMessage()).startsWith("the agent's result was ").contains("over the cell's limit of 65536");
    assertThat(kept.getSerializedSize()).isLessThan(LinkLimits.MAX_RESULT_BYTES);
    await("acknowledged", () -> raw.acked("big"));
  }

  @Test
  void idsOverTheLimitAreRefusedAndNothingIsQueued() {
    ChildSession s = f.registry.session("edge");
    String longId = "i".repeat(LinkLimits.MAX_ID_BYTES + 1);
    assertThatThrownBy(() -> s.submit(apply(longId))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the command id is 129 bytes, over the link's limit of 128");
    assertThatThrownBy(() -> s.submit(apply(""))).hasMessageContaining("the command id is empty");
    assertThat(s.submit(apply("i".repeat(LinkLimits.MAX_ID_BYTES)))).isTrue();
  }

  @Test
  void theCellKeepsAtMostTheLimitOfResultsPerChildAndForgetsTheOldestInItsStore() {
    List<String> forgotten = new CopyOnWriteArrayList<>();
    CommandStore recording = new CommandStore.Empty() {
      @Override
      public void forgotten(String cluster, String commandId) {
        forgotten.add(commandId);
      }
    };
    ChildSession s = new ChildSession("edge", recording);
    int n = LinkLimits.MAX_RESULTS_PER_CHILD + 5;
    for (int i = 0; i < n; i++) {
      s.submit(apply("c" + i));
      s.result(CommandResult.newBuilder().setCommandId("c" + i).setSuccess(true).build());
    }
    assertThat(forgotten).containsExactly("c0", "c1", "c2", "c3", "c4");
    assertThat(s.resultOf("c4")).isEmpty();
    assertThat(s.resultOf("c5")).isPresent();
    assertThat(s.resultOf("c" + (n - 1))).isPresent();
  }

  @Test
  void anAgentThatSendsResultsButReadsNothingIsClosedInsteadOfBuffered() throws Exception {
    AgentIdentity id = f.enroll("flood");
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", f.cell.port())
        .sslContext(TlsContexts.client(Optional.of(id.key()), Optional.of(id.certificate()), id.ca())).build();
    channels.add(ch);
    StreamObserver<AgentMessage> up = AgentLinkGrpc.newStub(ch).connect(
        new io.grpc.stub.ClientResponseObserver<AgentMessage, CellMessage>() {
          @Override
          public void beforeStart(io.grpc.stub.ClientCallStreamObserver<AgentMessage> call) {
            call.disableAutoRequestWithInitial(0); // reads nothing: every ack waits
          }

          @Override
          public void onNext(CellMessage m) {}

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {}
        });
    up.onNext(hello(id));
    await("connected", () -> f.registry.connectedCount() == 1);
    ChildSession s = f.registry.session("flood");
    for (int i = 0; i < 150_000 && f.registry.connectedCount() == 1; i++) {
      up.onNext(result("x" + i, ""));
      assertThat(s.queued()).as("never more acks waiting than the limit").isLessThanOrEqualTo(LinkLimits.MAX_QUEUED_ACKS);
    }
    await("closed by the cell", () -> f.registry.connectedCount() == 0, java.time.Duration.ofSeconds(30));
    assertThat(s.queued()).isZero();
    assertThat(s.refusedResults()).isGreaterThan(LinkLimits.MAX_QUEUED_ACKS);
  }

  @Test
  void aStreamTheCellClosesNoLongerCountsAsConnected() throws Exception {
    Raw raw = new Raw(f.enroll("edge"));
    await("connected", () -> f.registry.connectedCount() == 1);
    raw.up.onNext(hello(f.enroll("edge")));
    await("closed by the cell", () -> raw.ended.get() != null);
    assertThat(raw.ended.get().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    await("not counted", () -> f.registry.connectedCount() == 0);
    assertThat(f.registry.childrenHealth().get("edge").agentState()).contains("Disconnected");
  }
}

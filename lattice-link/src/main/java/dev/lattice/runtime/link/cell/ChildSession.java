package dev.lattice.runtime.link.cell;

import dev.lattice.model.cluster.LatticeClusterStatus.ChildHealth;
import dev.lattice.runtime.link.proto.Ack;
import dev.lattice.runtime.link.proto.ApiProxyRequest;
import dev.lattice.runtime.link.proto.ApiProxyResponse;
import dev.lattice.runtime.link.proto.CellMessage;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.Health;
import dev.lattice.runtime.link.pki.Revocations;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the cell knows about one child: its live stream (if any), last heartbeat and health, whether
 * the heartbeat monitor judged it unhealthy, and its {@link CommandBook}. All methods synchronise on
 * the session, which also serialises writes to the stream.
 *
 * <p>Flow control: messages go to an outbox and are handed to gRPC only while the stream
 * {@link ServerCallStreamObserver#isReady() is ready} (its HTTP/2 window has room); gRPC's onReady
 * calls {@link #drain} again. A slow agent so holds back the cell's writes instead of making gRPC
 * buffer every command: what waits is the outbox, whose commands are the book's own objects (a
 * command is held once), and the outbox is emptied when the stream goes (the book re-sends).
 */
public final class ChildSession {
  private final String cluster;
  private final CommandBook book = new CommandBook();
  private final CommandStore store;
  private final ArrayDeque<CellMessage> outbox = new ArrayDeque<>();
  private StreamObserver<CellMessage> stream;
  private long streamId;
  private long handed;
  private Instant lastHeartbeat;
  private Health health = Health.getDefaultInstance();
  private boolean healthy;
  private String agentVersion = "";

  private BigInteger serial;
  private final Map<String, CompletableFuture<ApiProxyResponse>> proxied = new HashMap<>();

  ChildSession(String cluster, CommandStore store) {
    this.cluster = cluster;
    this.store = store;
    book.restore(store.pending(cluster), store.results(cluster));
  }

  public String cluster() {
    return cluster;
  }

  /** Attaches a new stream (closing a previous one) and re-sends every pending command. */
  synchronized void attach(StreamObserver<CellMessage> next, long id, String version, Instant now,
      BigInteger certificateSerial) {
    if (stream != null) {
      try {
        stream.onError(Status.ABORTED.withDescription("replaced by a newer connection").asRuntimeException());
      } catch (RuntimeException ignored) {
        // the old stream was already gone
      }
    }
    failProxied("the agent's stream was replaced by a newer connection");
    stream = next;
    streamId = id;
    serial = certificateSerial;
    agentVersion = version;
    lastHeartbeat = now;
    healthy = true;
    outbox.clear();
    for (Command c : book.pending()) {
      outbox.add(CellMessage.newBuilder().setCommand(c).build());
    }
    drain();
  }

  /** Detaches a stream if it is still the current one. */
  synchronized void detach(long id) {
    if (streamId == id) {
      stream = null;
      healthy = false;
      outbox.clear();
      failProxied("the agent disconnected");
    }
  }

  /** Hands queued messages to the stream while it is ready; gRPC's onReady handler calls it again. */
  synchronized void drain(long id) {
    if (streamId == id) {
      drain();
    }
  }

  /** Messages waiting for the stream to become ready. */
  public synchronized int queued() {
    return outbox.size();
  }

  /** Messages handed to gRPC since the session was made. */
  public synchronized long handedToTransport() {
    return handed;
  }

  public synchronized boolean connected() {
    return stream != null;
  }

  synchronized void heartbeat(Health h, Instant now) {
    health = h;
    lastHeartbeat = now;
    healthy = true;
  }

  /**
   * Submits a command (idempotent by id); stored, then sent now when connected, else on the next
   * connection.
   */
  public synchronized boolean submit(Command command) {
    boolean added = book.submit(command);
    if (added) {
      store.submitted(cluster, command);
      send(CellMessage.newBuilder().setCommand(command).build());
    }
    return added;
  }

  /** Records a result (stored before the ack) and acknowledges it (duplicates are acknowledged again, not recorded). */
  synchronized void result(CommandResult result) {
    if (book.complete(result)) {
      store.completed(cluster, result);
    }
    send(CellMessage.newBuilder().setAck(Ack.newBuilder().setCommandId(result.getCommandId())).build());
  }

  /**
   * Sends a Kubernetes API request to the agent (its id must be unique among those in flight); the
   * future completes with the agent's answer, or fails with {@link AgentUnavailable} at once when
   * no agent is connected and as soon as the stream goes. The caller bounds the wait and then
   * {@link #forget forgets} the id.
   */
  public synchronized CompletableFuture<ApiProxyResponse> proxy(ApiProxyRequest request) {
    if (stream == null) {
      return CompletableFuture.failedFuture(new AgentUnavailable("the agent of cluster " + cluster + " is not connected"));
    }
    CompletableFuture<ApiProxyResponse> answer = new CompletableFuture<>();
    if (proxied.putIfAbsent(request.getRequestId(), answer) != null) {
      throw new IllegalArgumentException("request id already in flight: " + request.getRequestId());
    }
    send(CellMessage.newBuilder().setApiRequest(request).build());
    return answer;
  }

  /** Drops a request the caller no longer waits for (a late answer is then ignored). */
  public synchronized void forget(String requestId) {
    proxied.remove(requestId);
  }

  /** Proxied requests waiting for their answer. */
  public synchronized int proxiedInFlight() {
    return proxied.size();
  }

  /** Completes the request the answer is for; an answer for an id no one waits for is dropped. */
  synchronized void apiResponse(ApiProxyResponse response) {
    CompletableFuture<ApiProxyResponse> answer = proxied.remove(response.getRequestId());
    if (answer != null) {
      answer.complete(response);
    }
  }

  private void failProxied(String why) {
    List<CompletableFuture<ApiProxyResponse>> waiting = List.copyOf(proxied.values());
    proxied.clear();
    waiting.forEach(f -> f.completeExceptionally(new AgentUnavailable(why + " (cluster " + cluster + ")")));
  }

  /** A proxied request could not reach the agent, or its stream went before the answer. */
  public static final class AgentUnavailable extends RuntimeException {
    AgentUnavailable(String message) {
      super(message);
    }
  }

  /** Closes the live stream with UNAUTHENTICATED when its certificate is revoked; true if it did. */
  synchronized boolean closeIfRevoked(Revocations revocations) {
    if (stream == null || serial == null || !revocations.isRevoked(serial)) {
      return false;
    }
    try {
      stream.onError(Status.UNAUTHENTICATED.withDescription("client certificate revoked").asRuntimeException());
    } catch (RuntimeException ignored) {
      // already gone
    }
    stream = null;
    healthy = false;
    outbox.clear();
    failProxied("the agent's certificate was revoked");
    return true;
  }

  public synchronized Optional<CommandResult> resultOf(String commandId) {
    return book.result(commandId);
  }

  /** Marks the child unhealthy when its last heartbeat is older than {@code deadline}; true if it changed. */
  synchronized boolean expireIfSilentSince(Instant deadline) {
    if (healthy && lastHeartbeat != null && lastHeartbeat.isBefore(deadline)) {
      healthy = false;
      return true;
    }
    return false;
  }

  public synchronized boolean healthy() {
    return healthy;
  }

  /** The {@code childrenHealth} entry of this child. */
  public synchronized ChildHealth childHealth() {
    String state = stream == null ? "Disconnected" : !healthy ? "Unhealthy" : agentState();
    return new ChildHealth(Optional.of(health.getReadyNodes()), Optional.of(health.getTotalNodes()),
        Optional.of(health.getReadyControlPlane()), Optional.of(health.getTotalControlPlane()), Optional.of(state),
        Optional.ofNullable(lastHeartbeat).map(Instant::toString));
  }

  synchronized String agentVersion() {
    return agentVersion;
  }

  private String agentState() {
    String name = health.getState().name().replace("AGENT_STATE_", "");
    return name.equals("UNSPECIFIED") || name.equals("UNRECOGNIZED") ? "Connected"
        : name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  private void send(CellMessage message) {
    if (stream == null) {
      return;
    }
    outbox.add(message);
    drain();
  }

  private void drain() {
    while (stream != null && !outbox.isEmpty()
        && (!(stream instanceof ServerCallStreamObserver<CellMessage> s) || s.isReady())) {
      try {
        stream.onNext(outbox.poll());
        handed++;
      } catch (RuntimeException e) {
        stream = null;
        healthy = false;
        outbox.clear();
        failProxied("the agent's stream failed: " + e.getMessage());
      }
    }
  }
}

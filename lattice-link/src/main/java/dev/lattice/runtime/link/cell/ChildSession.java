package dev.lattice.runtime.link.cell;

import dev.lattice.model.cluster.LatticeClusterStatus.ChildHealth;
import dev.lattice.runtime.link.LinkLimits;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger LOG = LoggerFactory.getLogger(ChildSession.class);
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
  private Instant connectedSince;
  private long refusedResults;
  private boolean refusalLoggedOnThisStream;
  /** Acks in the outbox: an agent that sends results but reads nothing cannot make them pile up. */
  private int queuedAcks;

  private BigInteger serial;
  private final Map<String, CompletableFuture<ApiProxyResponse>> proxied = new HashMap<>();

  ChildSession(String cluster, CommandStore store) {
    this.cluster = cluster;
    this.store = store;
    book.restore(store.pending(cluster), store.results(cluster));
    forget(book.trim());
  }

  public String cluster() {
    return cluster;
  }

  /**
   * Attaches a new stream (closing a previous one), sends it {@code welcome} and re-sends every
   * pending command; refused, with the reason, while a healthy stream of another certificate is
   * attached (two agents enrolled under one cluster name: the first keeps the link). A reconnect with the same certificate replaces the
   * old stream (it may be half-open), as does any stream once the old one missed its heartbeats.
   */
  synchronized Optional<String> attach(StreamObserver<CellMessage> next, long id, String version, Instant now,
      BigInteger certificateSerial, CellMessage welcome) {
    if (stream != null && healthy && serial != null && !serial.equals(certificateSerial)) {
      return Optional.of("cluster " + cluster + " already has a connected agent with another certificate (serial "
          + serial.toString(16) + ", connected since " + connectedSince + "; this one's serial "
          + certificateSerial.toString(16) + "): two agents enrolled under one cluster name? This one is refused "
          + "while the other is connected: stop one of them");
    }
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
    connectedSince = now;
    healthy = true;
    refusalLoggedOnThisStream = false;
    outbox.clear();
    queuedAcks = 0;
    try {
      next.onNext(welcome); // the first message of a new stream: not flow-controlled, not counted
    } catch (RuntimeException e) {
      dropStream("the agent's stream failed: " + e.getMessage());
      return Optional.empty();
    }
    for (Command c : book.pending()) {
      outbox.add(CellMessage.newBuilder().setCommand(c).build());
    }
    drain();
    return Optional.empty();
  }

  /** Closes stream {@code id} with {@code status} (if it is still the current one) and detaches it. */
  synchronized void close(long id, Status status) {
    if (streamId != id || stream == null) {
      return;
    }
    try {
      stream.onError(status.asRuntimeException());
    } catch (RuntimeException ignored) {
      // already gone
    }
    detach(id);
  }

  /** Detaches a stream if it is still the current one. */
  synchronized void detach(long id) {
    if (streamId == id) {
      dropStream("the agent disconnected");
    }
  }

  /** Hands queued messages to the stream while it is ready; gRPC's onReady handler calls it again. */
  synchronized void drain(long id) {
    if (streamId == id) {
      drain();
    }
  }

  /** Messages waiting for the stream to become ready. */
  synchronized int queued() {
    return outbox.size();
  }

  /** Messages handed to gRPC since the session was made. */
  synchronized long handedToTransport() {
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
   * connection. A command the link cannot carry ({@link LinkLimits#commandRefusal}) is refused.
   *
   * @throws IllegalArgumentException naming the limit, when the command is over one; nothing is queued
   */
  public synchronized boolean submit(Command command) {
    Optional<String> refusal = LinkLimits.commandRefusal(command);
    if (refusal.isPresent()) {
      throw new IllegalArgumentException(refusal.get() + "; not queued for cluster " + cluster);
    }
    if (book.known(command.getId())) {
      return false;
    }
    store.submitted(cluster, command);
    book.submit(command);
    send(CellMessage.newBuilder().setCommand(command).build());
    return true;
  }

  /**
   * Takes a result: one for a pending id is stored, then acknowledged (the agent keeps its journal
   * entry until then); when it cannot be stored (a full disk) it is not acknowledged, the cell says so
   * and closes the stream, and the agent sends it again after reconnecting. A duplicate is
   * acknowledged again. A result for an id the cell never issued is refused: not stored (so it cannot
   * claim a later command's id), acknowledged so that the agent drops it, and logged once per stream.
   */
  synchronized void result(CommandResult result) {
    String id = result.getCommandId();
    switch (book.classify(id)) {
      case UNKNOWN -> {
        refusedResults++;
        if (!refusalLoggedOnThisStream) {
          refusalLoggedOnThisStream = true;
          LOG.warn("link: refused a result of cluster {} for command {}: the cell never issued that id (not stored; "
              + "further refusals on this stream are counted, not logged)", cluster, StoredResults.printable(id));
        }
        ack(id);
      }
      case ANSWERED -> ack(id);
      case PENDING -> {
        CommandResult kept = StoredResults.bounded(result);
        try {
          store.completed(cluster, kept);
        } catch (RuntimeException e) {
          String why = "the cell cannot store the result of command " + id + " (" + StoredResults.rootMessage(e)
              + "): not acknowledged; the agent keeps it and sends it again after reconnecting";
          LOG.warn("link: cluster {}: {}", cluster, why);
          close(streamId, Status.UNAVAILABLE.withDescription(why));
          return;
        }
        forget(book.complete(kept));
        ack(id);
      }
    }
  }

  /** Results refused because their id was never issued, since the session was made. */
  synchronized long refusedResults() {
    return refusedResults;
  }

  private void ack(String id) {
    if (stream != null && queuedAcks >= LinkLimits.MAX_QUEUED_ACKS) {
      String why = "the agent sends results but does not read the cell's acknowledgements (" + queuedAcks + " waiting)";
      LOG.warn("link: cluster {}: {}: stream closed", cluster, why);
      close(streamId, Status.RESOURCE_EXHAUSTED.withDescription(why));
      return;
    }
    send(CellMessage.newBuilder().setAck(Ack.newBuilder().setCommandId(id)).build());
  }

  private void forget(List<String> ids) {
    for (String id : ids) {
      try {
        store.forgotten(cluster, id);
      } catch (RuntimeException e) {
        LOG.warn("link: cluster {}: cannot forget the result of command {}: {}", cluster, id, StoredResults.rootMessage(e));
      }
    }
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
    dropStream("the agent's certificate was revoked");
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

  synchronized boolean healthy() {
    return healthy;
  }

  /** The {@code childrenHealth} entry of this child. */
  synchronized ChildHealth childHealth() {
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
    if (message.hasAck()) {
      queuedAcks++;
    }
    outbox.add(message);
    drain();
  }

  private void drain() {
    while (stream != null && !outbox.isEmpty()
        && (!(stream instanceof ServerCallStreamObserver<CellMessage> s) || s.isReady())) {
      try {
        CellMessage m = outbox.poll();
        if (m.hasAck()) {
          queuedAcks--;
        }
        stream.onNext(m);
        handed++;
      } catch (RuntimeException e) {
        dropStream("the agent's stream failed: " + e.getMessage());
      }
    }
  }

  /** Forgets the current stream: not connected, nothing waiting for it, its proxied requests failed. */
  private void dropStream(String why) {
    stream = null;
    healthy = false;
    outbox.clear();
    queuedAcks = 0;
    failProxied(why);
  }
}

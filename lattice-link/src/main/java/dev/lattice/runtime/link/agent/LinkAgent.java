package dev.lattice.runtime.link.agent;

import dev.lattice.runtime.link.OncePerCause;
import dev.lattice.runtime.link.pki.Fingerprints;
import dev.lattice.runtime.link.pki.TlsContexts;
import dev.lattice.runtime.link.proto.AgentLinkGrpc;
import dev.lattice.runtime.link.proto.AgentMessage;
import dev.lattice.runtime.link.proto.ApiProxyRequest;
import dev.lattice.runtime.link.proto.ApiProxyResponse;
import dev.lattice.runtime.link.proto.CellMessage;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.Credentials;
import dev.lattice.runtime.link.proto.Health;
import dev.lattice.runtime.link.proto.Heartbeat;
import dev.lattice.runtime.link.proto.Hello;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent holding its stream to the cell: Hello (cluster, version, certificate fingerprint, the ids
 * of results not yet acknowledged), then a heartbeat every {@code heartbeatEvery}; commands run once
 * per id and their results are kept until the cell acknowledges them, so a result produced while the
 * stream was down is delivered after the reconnect. A lost stream is reopened after
 * {@link Backoff#next()}; a stream refused with UNAUTHENTICATED, PERMISSION_DENIED or ALREADY_EXISTS
 * (another agent holds the cluster's link) is not retried. Why it retries ({@link RetryReason}: wrong
 * CA or re-keyed cell, a refused certificate, clock skew, an oversized message, …) is logged once per
 * cause per minute.
 */
public final class LinkAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkAgent.class);

  /** Where and how to connect; {@code eventLoop} lets many agents in one process share threads. */
  public record Options(String host, int port, String agentVersion, Duration heartbeatEvery,
      Optional<EventLoopGroup> eventLoop) {}

  private final AgentIdentity identity;
  private final Options options;
  private final Backoff backoff;
  private final CommandExecutor executor;
  private final Supplier<Health> health;
  private final ScheduledExecutorService scheduler;
  private final ManagedChannel channel;
  private final Map<String, CommandResult> unacked = new LinkedHashMap<>();
  private final Set<String> executed = new HashSet<>();
  private final ResultJournal journal;
  private StreamObserver<AgentMessage> out;
  private long sequence;
  private int connects;
  private volatile Status refusal;
  private volatile boolean closed;
  private volatile ApiProxyHandler apiProxy = ApiProxyHandler.none();
  private volatile OncePerCause reasons = new OncePerCause(java.time.Clock.systemUTC(), OncePerCause.MINUTE);
  private int failures;

  /** An agent whose unacknowledged results live in memory only. */
  public LinkAgent(AgentIdentity identity, Options options, Backoff backoff, CommandExecutor executor,
      Supplier<Health> health, ScheduledExecutorService scheduler) {
    this(identity, options, backoff, executor, health, scheduler, ResultJournal.none());
  }

  /** An agent that keeps unacknowledged results in {@code journal}, and starts with those it holds. */
  public LinkAgent(AgentIdentity identity, Options options, Backoff backoff, CommandExecutor executor,
      Supplier<Health> health, ScheduledExecutorService scheduler, ResultJournal journal) {
    this.journal = journal;
    this.unacked.putAll(journal.load());
    this.executed.addAll(unacked.keySet());
    this.identity = identity;
    this.options = options;
    this.backoff = backoff;
    this.executor = executor;
    this.health = health;
    this.scheduler = scheduler;
    NettyChannelBuilder b = NettyChannelBuilder.forAddress(options.host(), options.port())
        .sslContext(TlsContexts.client(Optional.of(identity.key()), Optional.of(identity.certificate()), identity.ca()))
        .keepAliveTime(30, TimeUnit.SECONDS)
        .keepAliveTimeout(10, TimeUnit.SECONDS)
        .keepAliveWithoutCalls(true)
        .maxInboundMessageSize(dev.lattice.runtime.link.LinkLimits.MAX_MESSAGE_BYTES);
    options.eventLoop().ifPresent(g -> b.eventLoopGroup(g).channelType(NioSocketChannel.class));
    this.channel = b.build();
  }

  /** Serves the cell's API proxy requests with {@code handler} (before {@link #start}); returns this agent. */
  public LinkAgent serveApiProxy(ApiProxyHandler handler) {
    this.apiProxy = handler;
    return this;
  }

  /** The clock by which retry reasons are said once per cause per minute (before {@link #start}). */
  LinkAgent reasonsClock(java.time.Clock clock) {
    this.reasons = new OncePerCause(clock, OncePerCause.MINUTE);
    return this;
  }

  /** Opens the stream and starts heartbeats. */
  public void start() {
    open();
    long every = options.heartbeatEvery().toMillis();
    scheduler.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
  }

  private synchronized void open() {
    if (closed) {
      return;
    }
    Inbound inbound = new Inbound();
    StreamObserver<AgentMessage> stream = AgentLinkGrpc.newStub(channel).connect(inbound);
    inbound.mine = stream;
    out = stream;
    connects++;
    stream.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder().setCluster(identity.cluster())
        .setAgentVersion(options.agentVersion())
        .setCredentials(Credentials.newBuilder().setCertificateSha256(Fingerprints.sha256(identity.certificate())))
        .addAllUnacknowledgedResults(unacked.keySet())).build());
    for (CommandResult r : unacked.values()) {
      stream.onNext(AgentMessage.newBuilder().setResult(r).build());
    }
    heartbeat();
  }

  private synchronized void heartbeat() {
    if (out != null) {
      out.onNext(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder().setSequence(++sequence)
          .setHealth(health.get())).build());
    }
  }

  private void onCommand(Command c) {
    synchronized (this) {
      if (closed) {
        // commands run on the scheduler, after the stream delivered them: one that arrives while the agent
        // closes must not run, since its result could no longer be sent (the cell re-sends it to the next agent)
        return;
      }
      if (unacked.containsKey(c.getId())) {
        send(AgentMessage.newBuilder().setResult(unacked.get(c.getId())).build());
        return;
      }
      if (!executed.add(c.getId())) {
        return;
      }
    }
    CommandResult r;
    try {
      r = executor.execute(c);
    } catch (RuntimeException e) {
      r = CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(false).setMessage(String.valueOf(e.getMessage())).build();
    }
    synchronized (this) {
      unacked.put(c.getId(), r);
      journal.saved(r);
      send(AgentMessage.newBuilder().setResult(r).build());
    }
  }

  private void onApiRequest(ApiProxyRequest request) {
    CompletableFuture<ApiProxyResponse> answer;
    try {
      answer = apiProxy.handle(request);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete((response, error) -> {
      ApiProxyResponse r = error == null ? response : ApiProxyResponse.newBuilder().setRequestId(request.getRequestId())
          .setStatus(502).setBody(com.google.protobuf.ByteString.copyFromUtf8("agent: " + error)).build();
      synchronized (this) {
        send(AgentMessage.newBuilder().setApiResponse(r).build());
      }
    });
  }

  private void send(AgentMessage m) {
    if (out != null) {
      out.onNext(m);
    }
  }

  private synchronized void lost(Inbound inbound, Status status) {
    if (out != inbound.mine && out != null) {
      return;
    }
    out = null;
    if (closed) {
      return;
    }
    if (status.getCode() == Status.Code.UNAUTHENTICATED || status.getCode() == Status.Code.PERMISSION_DENIED
        || status.getCode() == Status.Code.ALREADY_EXISTS) {
      refusal = status;
      LOG.warn("link: cell refused cluster {}: {}", identity.cluster(), status.getDescription());
      return;
    }
    Duration wait = backoff.next();
    failures++;
    RetryReason why = RetryReason.of(status);
    if (reasons.shouldSay(why.cause())) {
      LOG.warn("link: cluster {} lost its link to {}:{}, retrying (failure {}; said once a minute per cause): {}",
          identity.cluster(), options.host(), options.port(), failures, why.text());
    }
    LOG.debug("link: stream of {} lost ({}), reconnecting in {} ms", identity.cluster(), status, wait.toMillis());
    scheduler.schedule(this::open, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the stream is open (a Welcome may not have arrived yet). */
  public synchronized boolean streaming() {
    return out != null;
  }

  public synchronized int connects() {
    return connects;
  }

  /** Results the cell has not acknowledged yet. */
  public synchronized Set<String> unacknowledged() {
    return Set.copyOf(unacked.keySet());
  }

  /** The status the cell refused this agent with, if it did. */
  public Optional<Status> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** Drops the current stream as a network fault would (tests, and operators forcing a reconnect). */
  public synchronized void dropStream() {
    if (out != null) {
      out.onError(Status.UNAVAILABLE.withDescription("dropped by the agent").asRuntimeException());
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (out != null) {
        out.onCompleted();
        out = null;
      }
    }
    channel.shutdownNow();
  }

  private final class Inbound implements StreamObserver<CellMessage> {
    /** The outbound half of this stream; set under the agent's lock right after the call starts. */
    private StreamObserver<AgentMessage> mine;

    @Override
    public void onNext(CellMessage m) {
      switch (m.getBodyCase()) {
        case WELCOME -> {
          synchronized (LinkAgent.this) {
            backoff.reset();
            failures = 0;
          }
        }
        case COMMAND -> scheduler.execute(() -> onCommand(m.getCommand()));
        case ACK -> {
          synchronized (LinkAgent.this) {
            if (unacked.remove(m.getAck().getCommandId()) != null) {
              journal.acknowledged(m.getAck().getCommandId());
            }
          }
        }
        case API_REQUEST -> onApiRequest(m.getApiRequest());
        default -> { }
      }
    }

    @Override
    public void onError(Throwable t) {
      lost(this, Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
      lost(this, Status.UNAVAILABLE.withDescription("cell closed the stream"));
    }
  }
}

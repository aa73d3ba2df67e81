package dev.lattice.runtime.link.cell;

import dev.lattice.runtime.link.pki.Fingerprints;
import dev.lattice.runtime.link.pki.Pem;
import dev.lattice.runtime.link.proto.AgentLinkGrpc;
import dev.lattice.runtime.link.proto.AgentMessage;
import dev.lattice.runtime.link.proto.CellMessage;
import dev.lattice.runtime.link.proto.EnrollRequest;
import dev.lattice.runtime.link.proto.EnrollResponse;
import dev.lattice.runtime.link.proto.Hello;
import dev.lattice.runtime.link.proto.Welcome;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell's {@code AgentLink}: {@code Enroll} turns a single-use token and a CSR into a client
 * certificate; {@code Connect} requires a Hello whose cluster is the certificate's CN (and whose
 * fingerprint is the certificate's), then takes heartbeats and command results. Every refusal is a
 * status with a description, and is logged; a refused call changes nothing.
 */
public final class AgentLinkService extends AgentLinkGrpc.AgentLinkImplBase {
  public static final String ENROLL_PURPOSE = Enroller.PURPOSE;
  private static final Logger LOG = LoggerFactory.getLogger(AgentLinkService.class);

  private final Enroller enroller;
  private final ChildRegistry registry;
  private final int heartbeatSeconds;
  private final AtomicLong streams = new AtomicLong();

  AgentLinkService(Enroller enroller, ChildRegistry registry, int heartbeatSeconds) {
    this.enroller = enroller;
    this.registry = registry;
    this.heartbeatSeconds = heartbeatSeconds;
  }

  @Override
  public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> response) {
    Enroller.Outcome o = enroller.enroll(request.getCluster(), request.getToken(), request.getCsrDer().toByteArray());
    if (o.refusal().isPresent()) {
      Status s = switch (o.refusal().get()) {
        case WRONG_CLUSTER -> Status.PERMISSION_DENIED;
        case TOKEN -> Status.UNAUTHENTICATED;
        case BAD_REQUEST -> Status.INVALID_ARGUMENT;
      };
      response.onError(s.withDescription(o.message()).asRuntimeException());
      return;
    }
    response.onNext(EnrollResponse.newBuilder().setCertificatePem(Pem.certificate(o.certificate().get()))
        .setCaBundlePem(enroller.authority().bundlePem()).build());
    response.onCompleted();
  }

  @Override
  public StreamObserver<AgentMessage> connect(StreamObserver<CellMessage> out) {
    X509Certificate peer = PeerCertificates.PEER.get();
    long id = streams.incrementAndGet();
    AtomicReference<ChildSession> attached = new AtomicReference<>();
    if (out instanceof ServerCallStreamObserver<CellMessage> call) {
      call.setOnReadyHandler(() -> {
        ChildSession s = attached.get();
        if (s != null) {
          s.drain(id);
        }
      });
    }
    return new StreamObserver<>() {
      private ChildSession session;

      @Override
      public void onNext(AgentMessage m) {
        if (session == null) {
          if (!m.hasHello()) {
            fail(Status.FAILED_PRECONDITION.withDescription("the first message must be a Hello"));
            return;
          }
          hello(m.getHello());
          return;
        }
        switch (m.getBodyCase()) {
          case HEARTBEAT -> {
            session.heartbeat(m.getHeartbeat().getHealth(), registry.clock().instant());
            registry.countHeartbeat();
          }
          case RESULT -> session.result(m.getResult());
          case API_RESPONSE -> session.apiResponse(m.getApiResponse());
          default -> fail(Status.FAILED_PRECONDITION.withDescription("Hello sent twice"));
        }
      }

      private void hello(Hello hello) {
        String cn = peer.getSubjectX500Principal().getName().replaceFirst("^CN=", "");
        if (!cn.equals(hello.getCluster())) {
          fail(Status.PERMISSION_DENIED.withDescription("certificate is for cluster " + cn + ", not " + hello.getCluster()));
          return;
        }
        String fp = hello.getCredentials().getCertificateSha256();
        if (!fp.isEmpty() && !fp.equals(Fingerprints.sha256(peer))) {
          fail(Status.UNAUTHENTICATED.withDescription("credentials do not match the TLS client certificate"));
          return;
        }
        ChildSession candidate = registry.session(cn);
        java.util.Optional<String> refused = candidate.attach(out, id, hello.getAgentVersion(), registry.clock().instant(),
            peer.getSerialNumber(), CellMessage.newBuilder().setWelcome(Welcome.newBuilder().setCellVersion("v1")
                .setHeartbeatIntervalSeconds(heartbeatSeconds)).build());
        if (refused.isPresent()) {
          session = null;
          fail(Status.ALREADY_EXISTS.withDescription(refused.get()));
          return;
        }
        session = candidate;
        attached.set(session);
        LOG.info("link: agent of cluster {} connected (agent {})", cn, hello.getAgentVersion());
      }

      /** Closes the stream with {@code status}; a session it was attached to is detached (not counted as connected). */
      private void fail(Status status) {
        LOG.warn("link: stream from {} closed: {}", peer.getSubjectX500Principal().getName(), status.getDescription());
        if (session != null) {
          session.close(id, status);
          return;
        }
        try {
          out.onError(status.asRuntimeException());
        } catch (RuntimeException ignored) {
          // the call is already gone
        }
      }

      @Override
      public void onError(Throwable t) {
        if (session != null) {
          session.detach(id);
        }
      }

      @Override
      public void onCompleted() {
        if (session != null) {
          session.detach(id);
        }
        out.onCompleted();
      }
    };
  }
}

package dev.lattice.runtime.link.cell;

import dev.lattice.runtime.link.pki.Revocations;
import dev.lattice.runtime.link.proto.AgentLinkGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the TLS client certificate into the call's context, and closes every call but {@code Enroll}
 * that has none (UNAUTHENTICATED) or whose certificate is revoked (UNAUTHENTICATED) before any
 * message is read. The handshake already proved the certificate chains to the cell CA.
 */
final class PeerCertificates implements ServerInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(PeerCertificates.class);
  static final Context.Key<X509Certificate> PEER = Context.key("lattice-peer-certificate");

  private final Revocations revocations;

  PeerCertificates(Revocations revocations) {
    this.revocations = revocations;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    X509Certificate peer = peer(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
    boolean enroll = call.getMethodDescriptor().getFullMethodName().equals(AgentLinkGrpc.getEnrollMethod().getFullMethodName());
    if (!enroll) {
      if (peer == null) {
        return refuse(call, "client certificate required: enrol with a bootstrap token first", "(none)");
      }
      if (revocations.isRevoked(peer)) {
        return refuse(call, "client certificate revoked", peer.getSubjectX500Principal().getName());
      }
    }
    Context ctx = peer == null ? Context.current() : Context.current().withValue(PEER, peer);
    return Contexts.interceptCall(ctx, call, headers, next);
  }

  private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String why, String who) {
    LOG.warn("link: refused {} from {}: {}", call.getMethodDescriptor().getBareMethodName(), who, why);
    call.close(Status.UNAUTHENTICATED.withDescription(why), new Metadata());
    return new ServerCall.Listener<>() {};
  }

  private static X509Certificate peer(SSLSession session) {
    if (session == null) {
      return null;
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }
}

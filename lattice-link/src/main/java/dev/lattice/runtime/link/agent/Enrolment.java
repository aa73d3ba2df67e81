package dev.lattice.runtime.link.agent;

import com.google.protobuf.ByteString;
import dev.lattice.runtime.link.pki.CertificateRequests;
import dev.lattice.runtime.link.pki.KeyPairs;
import dev.lattice.runtime.link.pki.Pem;
import dev.lattice.runtime.link.pki.TlsContexts;
import dev.lattice.runtime.link.proto.AgentLinkGrpc;
import dev.lattice.runtime.link.proto.EnrollRequest;
import dev.lattice.runtime.link.proto.EnrollResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Bootstrap of an agent: a new P-256 key, a CSR, and the single-use token, sent over TLS that
 * trusts only the cell CA (from the bootstrap Secret); the answer is the certificate for every later
 * connection. A refused token surfaces as the cell's {@link io.grpc.StatusRuntimeException}.
 */
public final class Enrolment {
  private Enrolment() {}

  public static AgentIdentity enroll(String host, int port, X509Certificate ca, String cluster, String token,
      String agentVersion) {
    KeyPair pair = KeyPairs.p256();
    ManagedChannel channel = NettyChannelBuilder.forAddress(host, port)
        .sslContext(TlsContexts.client(Optional.empty(), Optional.empty(), ca))
        .build();
    try {
      EnrollResponse r = AgentLinkGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .enroll(EnrollRequest.newBuilder().setCluster(cluster).setToken(token).setAgentVersion(agentVersion)
              .setCsrDer(ByteString.copyFrom(CertificateRequests.forCluster(cluster, pair))).build());
      return new AgentIdentity(cluster, pair.getPrivate(), Pem.certificates(r.getCertificatePem()).get(0),
          Pem.certificates(r.getCaBundlePem()).get(0));
    } finally {
      channel.shutdownNow();
    }
  }
}

package dev.lattice.runtime.link.cell;

import static dev.lattice.runtime.link.LinkFixture.ENROLL;
import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.Enrolment;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.CertificateRequests;
import dev.lattice.runtime.link.pki.KeyPairs;
import dev.lattice.runtime.link.pki.TlsContexts;
import dev.lattice.runtime.link.proto.AgentLinkGrpc;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.EnrollRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every security case, over real TLS 1.3 on 127.0.0.1 with certificates made in the test. */
class LinkSecurityTest {
  private LinkFixture f;
  private final AtomicInteger executed = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    f = new LinkFixture();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private Status enrollStatus(String cluster, String token) {
    try {
      Enrolment.enroll("127.0.0.1", f.cell.port(), f.authority.certificate(), cluster, token, "test");
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  private LinkAgent connect(AgentIdentity id) {
    return f.agent(id, c -> {
      executed.incrementAndGet();
      return CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).build();
    }, Duration.ofHours(1));
  }

  @Test
  void tokenBuysACertificateAndTheCertificateConnects() throws Exception {
    AgentIdentity id = f.enroll("edge");
    assertThat(id.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=edge");
    id.certificate().verify(f.authority.certificate().getPublicKey());
    connect(id);
    await("edge connected", () -> f.registry.childrenHealth().containsKey("edge")
        && f.registry.childrenHealth().get("edge").agentState().orElse("").equals("Ready"));
  }

  @Test
  void wrongReusedExpiredAndForeignTokensAreRefused() {
    assertThat(enrollStatus("edge", "lbt_not-a-token")).satisfies(s -> {
      assertThat(s.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(s.getDescription()).isEqualTo("bootstrap token not recognised");
    });
    String token = f.tokens.issue("edge", ENROLL, Duration.ofMinutes(5));
    assertThat(enrollStatus("edge", token).getCode()).isEqualTo(Status.Code.OK);
    assertThat(enrollStatus("edge", token).getDescription()).isEqualTo("bootstrap token was already used");
    String late = f.tokens.issue("edge", ENROLL, Duration.ofMinutes(5));
    f.clock.advance(Duration.ofMinutes(6));
    assertThat(enrollStatus("edge", late).getDescription()).isEqualTo("bootstrap token expired");
    String other = f.tokens.issue("backend", ENROLL, Duration.ofMinutes(5));
    Status foreign = enrollStatus("edge", other);
    assertThat(foreign.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(foreign.getDescription()).contains("another cluster");
    assertThat(f.registry.childrenHealth()).isEmpty();
  }

  @Test
  void weakKeysAndForgedRequestsAreRefused() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    KeyPair weak = rsa.generateKeyPair();
    byte[] csr = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
        new org.bouncycastle.asn1.x500.X500Name("CN=edge"), weak.getPublic())
        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(weak.getPrivate()))
        .getEncoded();
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", f.cell.port())
        .sslContext(TlsContexts.client(Optional.empty(), Optional.empty(), f.authority.certificate())).build();
    try {
      var stub = AgentLinkGrpc.newBlockingStub(ch);
      String token = f.tokens.issue("edge", ENROLL, Duration.ofMinutes(5));
      assertThatThrownBy(() -> stub.enroll(EnrollRequest.newBuilder().setCluster("edge").setToken(token)
          .setCsrDer(ByteString.copyFrom(csr)).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).contains("key too weak");
          });
      byte[] garbage = CertificateRequests.forCluster("edge", KeyPairs.p256());
      garbage[garbage.length - 5] ^= 0x5a;
      String token2 = f.tokens.issue("edge", ENROLL, Duration.ofMinutes(5));
      assertThatThrownBy(() -> stub.enroll(EnrollRequest.newBuilder().setCluster("edge").setToken(token2)
          .setCsrDer(ByteString.copyFrom(garbage)).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    } finally {
      ch.shutdownNow();
    }
  }

  @Test
  void connectWithoutCertificateIsRefused() throws Exception {
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", f.cell.port())
        .sslContext(TlsContexts.client(Optional.empty(), Optional.empty(), f.authority.certificate())).build();
    try {
      var done = new java.util.concurrent.CompletableFuture<Status>();
      AgentLinkGrpc.newStub(ch).connect(new io.grpc.stub.StreamObserver<>() {
        @Override public void onNext(dev.lattice.runtime.link.proto.CellMessage m) {}
        @Override public void onError(Throwable t) { done.complete(Status.fromThrowable(t)); }
        @Override public void onCompleted() { done.complete(Status.OK); }
      });
      Status s = done.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(s.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(s.getDescription()).contains("client certificate required");
    } finally {
      ch.shutdownNow();
    }
  }

  @Test
  void certificateOfAnotherCaIsRefused() throws Exception {
    CellAuthority rogue = CellAuthority.create("rogue", Duration.ofDays(1), f.clock);
    KeyPair pair = KeyPairs.p256();
    var cert = rogue.signRequest(CertificateRequests.forCluster("edge", pair), "edge", Duration.ofDays(1));
    LinkAgent a = connect(new AgentIdentity("edge", pair.getPrivate(), cert, f.authority.certificate()));
    // the JDK client offers a certificate only when its issuer is among the CAs the server names,
    // so a foreign certificate is never sent: the call arrives without one and is refused
    await("refusal", () -> a.refusal().isPresent());
    assertThat(a.refusal().get().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(a.refusal().get().getDescription()).contains("client certificate required");
    assertThat(f.registry.childrenHealth()).isEmpty();
  }

  @Test
  void revokedCertificateIsRefusedAndNotRetried() throws Exception {
    AgentIdentity id = f.enroll("edge");
    f.revocations.revoke(id.certificate());
    LinkAgent a = connect(id);
    await("refusal", () -> a.refusal().isPresent());
    assertThat(a.refusal().get().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(a.refusal().get().getDescription()).isEqualTo("client certificate revoked");
    assertThat(f.registry.childrenHealth()).isEmpty();
  }

  @Test
  void certificateOfOneClusterCannotSpeakForAnother() throws Exception {
    AgentIdentity edge = f.enroll("edge");
    LinkAgent a = connect(new AgentIdentity("backend", edge.key(), edge.certificate(), edge.ca()));
    await("refusal", () -> a.refusal().isPresent());
    assertThat(a.refusal().get().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(a.refusal().get().getDescription()).isEqualTo("certificate is for cluster edge, not backend");
    assertThat(f.registry.childrenHealth()).isEmpty();
  }

  @Test
  void tls12IsRefused() throws Exception {
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", f.cell.port())
        .sslContext(GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK).protocols("TLSv1.2")
            .trustManager(f.authority.certificate()).build()).build();
    try {
      String token = f.tokens.issue("edge", ENROLL, Duration.ofMinutes(5));
      assertThatThrownBy(() -> AgentLinkGrpc.newBlockingStub(ch).enroll(EnrollRequest.newBuilder().setCluster("edge")
          .setToken(token).setCsrDer(ByteString.copyFrom(CertificateRequests.forCluster("edge", KeyPairs.p256()))).build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
      assertThat(f.tokens.redeem("edge", ENROLL, token)).as("token untouched").hasToString("ACCEPTED");
    } finally {
      ch.shutdownNow();
    }
  }

  @Test
  void aClusterNameThatIsNotADnsLabelIsRefusedBeforeTheToken() {
    String token = f.tokens.issue("edge", ENROLL, Duration.ofMinutes(10));
    Status s = enrollStatus("../edge", token);
    assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(s.getDescription()).contains("DNS label");
    assertThat(enrollStatus("edge", token).getCode()).as("the token was not used up").isEqualTo(Status.Code.OK);
  }
}

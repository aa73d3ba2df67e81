package dev.lattice.runtime.link.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.agent.HttpsEnrolment;
import dev.lattice.runtime.link.cell.Enroller;
import dev.lattice.runtime.link.pki.PinnedToken;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, items 6 and 9: the bootstrap endpoint serves concurrent clients, closes a silent
 * connection after its read timeout, speaks TLS 1.3 only, and spends a webhook token only when the
 * bootstrap was recorded and the manifests delivered.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BootstrapEndpointTest {
  private static final HttpsEndpoint.Limits QUICK = new HttpsEndpoint.Limits(Duration.ofMillis(500), Duration.ofSeconds(3), 4,
      16 * 1024, 64 * 1024);
  private final LinkFixture f = new LinkFixture();
  private final List<String> recorded = new CopyOnWriteArrayList<>();
  private volatile boolean statusPatchFails;
  private final BootstrapWebhook webhook = BootstrapWebhook.start(new InetSocketAddress("127.0.0.1", 0), List.of("127.0.0.1"),
      new Enroller(f.authority, f.tokens, Duration.ofDays(1), (c, cert) -> { }), f.tokens,
      new BootstrapWebhook.Settings("agent:test", "127.0.0.1:" + f.cell.port(), Duration.ofHours(1)), c -> {
        if (statusPatchFails) {
          throw new IllegalStateException("PATCH status of LatticeCluster " + c + ": 500 Internal Server Error");
        }
        recorded.add(c);
      }, QUICK);

  BootstrapEndpointTest() throws Exception {}

  @AfterEach
  void stop() {
    webhook.close();
    f.close();
  }

  private URI url() {
    return URI.create("https://127.0.0.1:" + webhook.port());
  }

  @Test
  void aSilentConnectionDoesNotBlockEnrolmentAndIsClosedAfterTheReadTimeout() throws Exception {
    try (Socket silent = new Socket("127.0.0.1", webhook.port())) {
      OutputStream out = silent.getOutputStream();
      out.write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x40}); // a TLS record header, then nothing
      out.flush();
      String token = PinnedToken.format(f.tokens.issue("edge", LinkFixture.ENROLL, Duration.ofMinutes(5)), f.authority.certificate());
      CompletableFuture<HttpsEnrolment.Enrolled> enrolled = CompletableFuture.supplyAsync(() -> {
        try {
          return HttpsEnrolment.enroll(url(), "edge", token, Optional.empty());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // far below the JDK HttpsServer's freeze (40 s and more) and the client's own 30 s timeout
      assertThat(enrolled.get(10, TimeUnit.SECONDS).identity().cluster()).isEqualTo("edge");

      silent.setSoTimeout(20_000);
      InputStream in = silent.getInputStream();
      byte[] answer;
      try {
        answer = in.readAllBytes(); // at most a TLS alert (0x15), then the end of the stream
      } catch (SocketException reset) {
        answer = new byte[0];
      }
      assertThat(answer.length == 0 || answer[0] == 0x15).as("closed, at most after an alert record").isTrue();
    }
  }

  @Test
  void asManySilentConnectionsAsWorkersOnlyDelayEnrolmentByTheReadTimeout() throws Exception {
    List<Socket> silent = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < QUICK.workers() + 2; i++) {
        Socket s = new Socket("127.0.0.1", webhook.port());
        s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x40});
        silent.add(s);
      }
      String token = PinnedToken.format(f.tokens.issue("edge", LinkFixture.ENROLL, Duration.ofMinutes(5)), f.authority.certificate());
      assertThat(HttpsEnrolment.enroll(url(), "edge", token, Optional.empty()).identity().cluster()).isEqualTo("edge");
    } finally {
      for (Socket s : silent) {
        s.close();
      }
    }
  }

  private SSLSocket client(String protocol) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", f.authority.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", webhook.port());
    s.setEnabledProtocols(new String[] {protocol});
    s.setSoTimeout(10_000);
    return s;
  }

  @Test
  void onlyTls13IsSpoken() throws Exception {
    try (SSLSocket tls12 = client("TLSv1.2")) {
      assertThatThrownBy(tls12::startHandshake).isInstanceOf(SSLException.class);
    }
    try (SSLSocket tls13 = client("TLSv1.3")) {
      tls13.startHandshake();
      assertThat(tls13.getSession().getProtocol()).isEqualTo("TLSv1.3");
    }
  }

  private HttpResponse<String> manifests(String token) throws Exception {
    return f.httpsTrustingTheCell().send(HttpRequest.newBuilder(url().resolve("/api/clusters/edge/manifests"))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aWebhookTokenIsSpentOnlyOnceTheBootstrapWasRecordedAndTheManifestsDelivered() throws Exception {
    String token = f.tokens.issue("edge", BootstrapWebhook.PURPOSE, Duration.ofMinutes(5));
    statusPatchFails = true;
    HttpResponse<String> failed = manifests(token);
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(failed.body()).contains("cannot record the bootstrap of cluster edge").contains("not used up");
    assertThat(webhook.bootstrapped()).isEmpty();

    statusPatchFails = false;
    HttpResponse<String> ok = manifests(token);
    assertThat(ok.statusCode()).as("the token was still usable").isEqualTo(200);
    assertThat(ok.body()).contains("kind: Deployment");
    assertThat(recorded).containsExactly("edge");
    LinkFixture.await("spent after delivery", () -> webhook.bootstrapped().contains("edge"));
    HttpResponse<String> again = manifests(token);
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.body()).contains("already used");
  }
}

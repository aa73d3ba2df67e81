package dev.lattice.runtime.link.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.runtime.link.pki.CertificateRequests;
import dev.lattice.runtime.link.pki.KeyPairs;
import dev.lattice.runtime.link.pki.Pem;
import dev.lattice.runtime.link.pki.PinnedToken;
import dev.lattice.runtime.link.pki.PinnedTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * An agent's enrolment at the cell's bootstrap endpoint ({@code https://HOST:PORT}):
 * {@code POST /api/clusters/<cluster>/enroll} with {@code Authorization: Bearer <token>} and a
 * PKCS#10 request of a new P-256 key (the key never leaves the agent). The server is verified before
 * the token is sent — by {@code --ca} or by the token's CA pin ({@link PinnedTrust}) — and the CA
 * bundle it answers must be that CA. The answer also names the cell's gRPC address; a wildcard host
 * there (0.0.0.0, ::) is replaced by the host of the bootstrap URL.
 */
public final class HttpsEnrolment {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What enrolment gives: the identity and where to hold the stream. */
  public record Enrolled(AgentIdentity identity, String grpcHost, int grpcPort) {}

  /** The cell said no: its HTTP status and reason. Nothing was issued. */
  public static final class Refused extends Exception {
    private final int status;

    Refused(int status, String reason) {
      super(reason);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private HttpsEnrolment() {}

  /**
   * Enrols {@code cluster}.
   *
   * @throws IllegalArgumentException when the URL is not https, or the token has no pin and no CA is given
   * @throws IOException when the cell cannot be reached or cannot prove it is the cell (the token was not sent)
   * @throws Refused when the cell refused the token or the request
   */
  public static Enrolled enroll(URI cell, String cluster, String token, Optional<X509Certificate> ca)
      throws IOException, InterruptedException, Refused {
    if (!"https".equals(cell.getScheme()) || cell.getHost() == null || cell.getPort() < 0) {
      throw new IllegalArgumentException("--cell: expected the cell's bootstrap URL https://HOST:PORT, got " + cell);
    }
    PinnedToken parsed = PinnedToken.parse(token);
    PinnedTrust trust = PinnedTrust.of(ca, parsed.caPin());
    KeyPair pair = KeyPairs.p256();
    HttpClient http = HttpClient.newBuilder().sslContext(trust.sslContext()).connectTimeout(Duration.ofSeconds(15)).build();
    HttpRequest request = HttpRequest.newBuilder(cell.resolve("/api/clusters/" + cluster + "/enroll"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/pkcs10")
        .POST(HttpRequest.BodyPublishers.ofByteArray(CertificateRequests.forCluster(cluster, pair)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (SSLHandshakeException e) {
      throw new IOException("the server at " + cell + " could not prove it is the cell (TLS: " + e.getMessage()
          + "); the token was not sent", e);
    }
    if (response.statusCode() != 200) {
      throw new Refused(response.statusCode(), response.body().strip());
    }
    JsonNode body = JSON.readTree(response.body());
    X509Certificate trusted = trust.verified().orElseThrow(() -> new IOException("TLS did not verify the cell"));
    X509Certificate bundle = Pem.certificates(body.path("caBundle").asText()).get(0);
    X509Certificate cert = Pem.certificates(body.path("certificate").asText()).get(0);
    check(trusted, bundle, cert, pair, cluster);
    String grpc = body.path("grpc").asText();
    int colon = grpc.lastIndexOf(':');
    if (colon <= 0) {
      throw new IOException("the cell answered no gRPC address");
    }
    String host = grpc.substring(0, colon);
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = cell.getHost();
    }
    return new Enrolled(new AgentIdentity(cluster, pair.getPrivate(), cert, bundle), host,
        Integer.parseInt(grpc.substring(colon + 1)));
  }

  private static void check(X509Certificate trusted, X509Certificate bundle, X509Certificate cert, KeyPair pair,
      String cluster) throws IOException {
    try {
      if (!Arrays.equals(trusted.getEncoded(), bundle.getEncoded())) {
        throw new IOException("the cell answered a CA bundle other than the CA its TLS certificate chains to");
      }
      cert.verify(bundle.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new IOException("the certificate the cell answered does not verify under its CA: " + e.getMessage(), e);
    }
    if (!cert.getPublicKey().equals(pair.getPublic())
        || !cert.getSubjectX500Principal().getName().equals("CN=" + cluster)) {
      throw new IOException("the certificate the cell answered is not for this key and cluster " + cluster);
    }
  }
}

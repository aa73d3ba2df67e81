package dev.lattice.runtime.link.bootstrap;

import dev.lattice.document.DocumentWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.runtime.link.cell.Enroller;
import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.KeyPairs;
import dev.lattice.runtime.link.pki.Pem;
import dev.lattice.runtime.link.pki.PinnedToken;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/clusters/<cluster>/manifests} with {@code Authorization: Bearer <token>}, over
 * HTTPS (TLS 1.3 only, the cell CA's server certificate, {@link HttpsEndpoint}: concurrent clients,
 * read and exchange timeouts). A valid bootstrap token for that cluster answers 200 with the agent's
 * install manifests as YAML once {@code onBootstrap} recorded the cluster (the runtime sets
 * {@code bootstrapComplete}; when that fails the answer is 503 and the token stays usable), and the
 * token is spent only once the answer was delivered. A missing or wrong token is 401, a used or
 * expired one 401 with its reason, a token of another cluster 403 — each logged, nothing issued.
 */
public final class BootstrapWebhook implements AutoCloseable {
  public static final String PURPOSE = "bootstrap";
  private static final Logger LOG = LoggerFactory.getLogger(BootstrapWebhook.class);
  private static final Pattern PATH = Pattern.compile("^/api/clusters/([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)/(manifests|enroll)$");
  private static final int MAX_CSR_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpsEndpoint server;
  private final Set<String> bootstrapped = ConcurrentHashMap.newKeySet();
  /** Bootstrap tokens whose answer is being delivered: a second request with one waits its turn (409). */
  private final Set<String> delivering = ConcurrentHashMap.newKeySet();

  /** What the webhook puts into manifests. */
  public record Settings(String agentImage, String cellAddress, Duration enrolTokenTtl) {}

  private BootstrapWebhook() {}

  public static BootstrapWebhook start(InetSocketAddress address, List<String> hosts, CellAuthority authority,
      BootstrapTokens tokens, Settings settings, Consumer<String> onBootstrap) throws IOException {
    return start(address, hosts, new Enroller(authority, tokens, Duration.ofDays(365), (c, cert) -> { }), tokens,
        settings, onBootstrap);
  }

  /**
   * Starts the endpoint; it also serves {@code POST /api/clusters/<cluster>/enroll} (an agent's
   * enrolment over HTTPS with {@code enroller}: the body is the DER CSR, the answer JSON
   * {@code certificate}, {@code caBundle}, {@code grpc}).
   */
  public static BootstrapWebhook start(InetSocketAddress address, List<String> hosts, Enroller enroller,
      BootstrapTokens tokens, Settings settings, Consumer<String> onBootstrap) throws IOException {
    return start(address, hosts, enroller, tokens, settings, onBootstrap, HttpsEndpoint.Limits.DEFAULT);
  }

  static BootstrapWebhook start(InetSocketAddress address, List<String> hosts, Enroller enroller,
      BootstrapTokens tokens, Settings settings, Consumer<String> onBootstrap, HttpsEndpoint.Limits limits)
      throws IOException {
    BootstrapWebhook webhook = new BootstrapWebhook();
    webhook.server = HttpsEndpoint.start(address, sslContext(enroller.authority(), hosts), limits,
        r -> webhook.handle(r, tokens, enroller, settings, onBootstrap));
    return webhook;
  }

  public int port() {
    return server.port();
  }

  /** Clusters whose bootstrap call succeeded. */
  public Set<String> bootstrapped() {
    return Set.copyOf(bootstrapped);
  }

  private HttpsEndpoint.Response handle(HttpsEndpoint.Request ex, BootstrapTokens tokens, Enroller enroller,
      Settings settings, Consumer<String> onBootstrap) {
    Matcher m = PATH.matcher(ex.path());
    boolean enroll = m.matches() && m.group(3).equals("enroll");
    if (!m.matches() || !ex.method().equals(enroll ? "POST" : "GET")) {
      return HttpsEndpoint.Response.text(404, "not found\n");
    }
    String cluster = m.group(1);
    String auth = ex.header("Authorization").orElse(null);
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : "";
    if (enroll) {
      return enroll(ex, enroller, settings, cluster, token);
    }
    String secret = PinnedToken.parse(token).secret();
    if (!delivering.add(secret)) {
      return HttpsEndpoint.Response.text(409, "this bootstrap token is being redeemed by another request: try again\n");
    }
    boolean handedOver = false;
    try {
      BootstrapTokens.Redemption r = tokens.check(cluster, PURPOSE, secret);
      if (r != BootstrapTokens.Redemption.ACCEPTED) {
        LOG.warn("link: bootstrap of cluster {} refused: {}", cluster, r.message());
        return HttpsEndpoint.Response.text(r == BootstrapTokens.Redemption.WRONG_CLUSTER ? 403 : 401, r.message() + "\n");
      }
      String enrol = tokens.issue(cluster, "enroll", settings.enrolTokenTtl());
      String yaml = DocumentWriter.toYaml(AgentManifests.of(new AgentManifests.Inputs(cluster, settings.agentImage(),
          settings.cellAddress(), enroller.authority().bundlePem(), enrol)));
      try {
        onBootstrap.accept(cluster);
      } catch (RuntimeException e) {
        LOG.warn("link: bootstrap of cluster {}: cannot record it ({}): answered 503, the token stays usable", cluster,
            e.getMessage());
        return HttpsEndpoint.Response.text(503, "the cell cannot record the bootstrap of cluster " + cluster
            + " now: try again (the token was not used up)\n");
      }
      handedOver = true;
      return new HttpsEndpoint.Response(200, "application/yaml", yaml.getBytes(StandardCharsets.UTF_8), delivered -> {
        try {
          if (!delivered) {
            LOG.warn("link: bootstrap of cluster {}: the manifests were not delivered; the token stays usable", cluster);
            return;
          }
          BootstrapTokens.Redemption spent = tokens.redeem(cluster, PURPOSE, secret);
          bootstrapped.add(cluster);
          LOG.info("link: cluster {} bootstrapped; agent manifests sent, token {}", cluster,
              spent == BootstrapTokens.Redemption.ACCEPTED ? "used up" : "not used up: " + spent.message());
        } finally {
          delivering.remove(secret);
        }
      });
    } finally {
      if (!handedOver) {
        delivering.remove(secret);
      }
    }
  }

  private static HttpsEndpoint.Response enroll(HttpsEndpoint.Request ex, Enroller enroller, Settings settings,
      String cluster, String token) {
    byte[] csr = ex.body();
    if (csr.length > MAX_CSR_BYTES) {
      return HttpsEndpoint.Response.text(413, "certificate request too large\n");
    }
    Enroller.Outcome o = enroller.enroll(cluster, token, csr);
    if (o.refusal().isPresent()) {
      int status = switch (o.refusal().get()) {
        case WRONG_CLUSTER -> 403;
        case TOKEN -> 401;
        case BAD_REQUEST -> 400;
      };
      return HttpsEndpoint.Response.text(status, o.message() + "\n");
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("certificate", Pem.certificate(o.certificate().get()));
    body.put("caBundle", enroller.authority().bundlePem());
    body.put("grpc", settings.cellAddress());
    try {
      return new HttpsEndpoint.Response(200, "application/json", JSON.writeValueAsBytes(body), delivered -> { });
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext sslContext(CellAuthority authority, List<String> hosts) {
    try {
      KeyPair pair = KeyPairs.p256();
      var cert = authority.issueServer(pair.getPublic(), hosts, Duration.ofDays(365));
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] pw = new char[0];
      ks.setKeyEntry("cell", pair.getPrivate(), pw, new Certificate[] {cert, authority.certificate()});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pw);
      SSLContext ctx = SSLContext.getInstance("TLSv1.3");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the webhook's TLS context", e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
